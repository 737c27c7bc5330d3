"""The ``[server]`` settings section: where ``corroborator serve`` listens and who may write."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from ..errors import ConfigError


@dataclass(frozen=True)
class ServerSettings:
    SECTION = "server"
    host: str = "127.0.0.1"
    port: int = 8765
    token: str = ""
    upload_max_mb: int = 20
    run_stages_after_ingest: bool = True
    allowed_hosts: list[str] = field(default_factory=list)
    cache_seconds: float = 10.0

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"[server] port = {self.port} is out of range; use 1-65535 "
                              "(or 0 for any free port).")
        if self.upload_max_mb < 1:
            raise ConfigError(f"[server] upload_max_mb = {self.upload_max_mb} must be at least 1.")

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)

    @property
    def upload_max_bytes(self) -> int:
        return self.upload_max_mb * 1024 * 1024


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (``localhost`` counts)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

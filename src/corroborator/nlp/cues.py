"""The lexicon of attribution cues: speech, cognition and evidence words with their stance.

A cue is the word that tells the reader a statement belongs to someone: "said", "denied",
"according to", "believes". Each lexicon entry maps a lemma to the *stance* the reporter
gives the content (see ``corroborator.records.claims.STANCES``):

- ``stated``     neutral reporting verbs (say, tell, add, note, write, announce, ...)
- ``confirmed``  the speaker vouches for something already in question (confirm, acknowledge)
- ``estimated``  a figure the speaker computed or guessed (estimate, calculate, put at)
- ``alleged``    the reporter keeps distance (claim, allege, accuse, insist)
- ``denied``     the speaker rejects the content (deny, reject, dismiss, refute)
- ``hedged``     belief, expectation or possibility (believe, think, expect, fear)
- ``reported``   hearsay without a named source (unattributed "report", "reportedly")

The verb list was drawn up from general knowledge of English reporting verbs and checked
against the cue frequencies of the PolNeAR training split (which also counts beliefs,
intentions and wishes as attributions); the content each verb takes (a clause, an infinitive,
a noun phrase) is decided on the parse, not here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def words(text: str) -> list[str]:
    """The whitespace-separated words of a lexicon string."""
    return text.split()


# Verbs that report speech or writing. Value: stance.
SPEECH_VERBS: dict[str, str] = dict.fromkeys(
    words(
        """say tell add note write state announce declare explain mention remark comment
        reply respond answer tweet post stress emphasize emphasise highlight reiterate repeat
        insist argue contend assert observe point recall recount describe testify
        report disclose reveal inform brief ask question wonder muse quip joke complain
        lament boast brag vow pledge promise threaten warn caution predict forecast suggest
        propose urge recommend advise demand call tout praise criticize criticise blast slam
        attack accuse blame condemn denounce decry mock ridicule chide scold rebuke lash hail
        thank applaud welcome endorse support back oppose defend concede admit conclude
        continue counter retort rebut shout yell cry scream whisper mutter tease hint imply
        indicate signal acknowledge confirm clarify elaborate summarize summarise speculate
        estimate calculate project claim allege charge deny reject dismiss refute dispute
        contest email text order instruct request plead beg invite challenge agree disagree
        concur object protest decline refuse admonish assure reassure unveil publish release
        cite quote read label dub term brand characterize characterise portray depict float
        discuss talk speak refer offer echo express downplay chant bemoan exclaim profess
        congratulate encourage advocate champion lobby credit fault preach lecture pitch vouch
        reaffirm underscore remind apologize apologise assail list press count"""
    ),
    "stated",
)

# Cognition, intention and perception verbs: attributed beliefs and plans.
COGNITION_VERBS: dict[str, str] = dict.fromkeys(
    words(
        """believe think feel reckon suspect doubt assume presume guess imagine
        expect anticipate hope fear worry wish want plan intend aim seek consider view regard
        see know understand realize realise recognize recognise learn find discover decide
        determine judge prefer favor favour like love hate dislike envision foresee seem
        appear figure remember forget notice trust deem"""
    ),
    "hedged",
)

# Lemmas whose stance differs from their group default.
STANCE_OVERRIDES: dict[str, str] = {
    **dict.fromkeys(
        words("confirm acknowledge admit concede verify affirm corroborate"), "confirmed"
    ),
    # a body's tally is its figure: "the agency counted 780 suspected cases"
    **dict.fromkeys(words("estimate calculate project forecast predict put count"),
                    "estimated"),
    **dict.fromkeys(
        words("claim allege accuse charge insist contend assert purport"), "alleged"
    ),
    **dict.fromkeys(
        words("deny reject dismiss refute dispute contest rebut"), "denied"
    ),
    **dict.fromkeys(
        words(
            """know find discover learn realize realise recognize recognise understand see
            remember notice decide determine"""
        ),
        "stated",
    ),
    "report": "stated",
}

# Evidence words: polls, studies and documents "show" or "find" things.
EVIDENCE_VERBS: dict[str, str] = dict.fromkeys(
    words("show find suggest indicate reveal demonstrate confirm document"), "stated"
)

# Nouns that carry a statement; their content is a "that"-clause or a quotation.
NOUN_CUES: dict[str, str] = {
    **dict.fromkeys(
        words(
            """statement remark comment announcement assertion declaration testimony message
            warning promise pledge vow argument explanation suggestion proposal prediction
            response reply answer admission acknowledgment acknowledgement confirmation report
            word words speech tweet post interview letter memo criticism endorsement
            opposition praise attack call demand promise defense
            defence condemnation comments remarks"""
        ),
        "stated",
    ),
    **dict.fromkeys(words("claim allegation accusation charge insistence"), "alleged"),
    **dict.fromkeys(words("denial rejection"), "denied"),
    **dict.fromkeys(words("estimate projection forecast calculation"), "estimated"),
    **dict.fromkeys(
        words(
            """belief view opinion fear hope expectation concern suspicion assumption
            impression feeling sense worry conviction"""
        ),
        "hedged",
    ),
}

# Verbs that, used with a noun-phrase object, make that object the reported content
# ("announced his candidacy", "denied the report", "wants a recount"). Others need a clause.
NP_CONTENT_VERBS: frozenset[str] = frozenset(
    words(
        """announce deny confirm reject dismiss dispute refute acknowledge admit reveal
        disclose want seek propose promise pledge vow demand predict estimate endorse support
        back oppose criticize criticise blast slam attack condemn denounce decry mock praise
        hail defend blame accuse welcome question favor favour prefer expect fear recommend
        urge describe call dub label brand characterize characterise tout cite unveil plan
        insist claim allege suggest argue explain highlight stress emphasize emphasise doubt
        warn concede discuss express echo downplay offer reiterate repeat mention thank
        congratulate credit share list remind count"""
    )
)

# Verbs that attribute only a figure: "the agency counted 780 cases" gives the agency's tally,
# "counted the money" or "count on the rain" reports nothing.
FIGURE_ONLY_VERBS: frozenset[str] = frozenset(words("count"))

# Verbs that report speech only with a clause or a quotation: with a plain object or an
# infinitive they mean something else ("charged a fee", "continued to rise", "offered help").
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset(
    words(
        """charge invite continue offer find feel like love hate order direct release publish
        read text post project frame float answer email request challenge add"""
    )
)

# Verbs that report words with a clause ("agreed that the plan failed") but, with a plain
# noun-phrase object, tell a deal reached: "agreed a fee", "agreed personal terms".
DEAL_VERBS: frozenset[str] = frozenset(words("agree"))

# Prepositions after which the noun phrase is the content ("talked about", "warned of").
CONTENT_PREPOSITIONS: dict[str, frozenset[str]] = {
    "about": frozenset(
        words(
            """talk speak ask write tweet complain worry warn joke think know hear boast brag
            lie testify comment care"""
        )
    ),
    "of": frozenset(words("warn speak accuse convince think approve disapprove")),
    "for": frozenset(
        words(
            """call ask press push argue advocate praise blame criticize criticise thank
            apologize apologise"""
        )
    ),
    "on": frozenset(words("comment call elaborate insist focus")),
    "against": frozenset(words("warn argue caution rail speak")),
    "to": frozenset(words("point object refer allude")),
}

# Modal words that turn any attributed content into a hedge.
HEDGE_WORDS: frozenset[str] = frozenset(
    words(
        """may might could possibly perhaps probably likely allegedly apparently reportedly
        purportedly seemingly"""
    )
)

# Adverbs that mark a statement as hearsay with no named source.
HEARSAY_ADVERBS: dict[str, str] = {
    "reportedly": "reported",
    "allegedly": "alleged",
    "purportedly": "alleged",
    "supposedly": "alleged",
}

# Verbs of seeming: "X appears to", "it seems that" (hedged).
SEEM_VERBS: frozenset[str] = frozenset(words("seem appear"))

# Nouns that name the medium of a statement: "said in a statement / an interview".
MEDIUM_NOUNS: frozenset[str] = frozenset(
    words(
        """statement interview release letter tweet post email e-mail memo speech op-ed
        broadcast briefing conference call message video podcast filing"""
    )
)

# Subjects that are sources of evidence rather than people ("a poll shows").
EVIDENCE_SUBJECTS: frozenset[str] = frozenset(
    words(
        """poll survey study report data analysis research figure figures number numbers
        record records document documents filing filings review audit investigation estimate
        estimates statistic statistics census count tally"""
    )
)


# Nouns for records a statement rests on, not statements themselves: "citing satellite
# images", "based its estimate on underwater video". (A document that says things, "a
# report", "a statement", is a medium or a source, not a mere record.)
RECORD_NOUNS: frozenset[str] = frozenset(
    words(
        """image images imagery picture pictures photo photos photograph photographs video
        videos footage recording recordings scan scans reading readings measurement
        measurements sample samples log logs"""
    )
)


# Estimate revisions: "raised her estimate of losses to 2,400", "revised its death toll to
# 40", "cut their forecast to 2%". The verb alone is not a cue ("raised taxes", "cut jobs");
# with one of these nouns as its object it reports the subject's (new) figure.
REVISION_VERBS: frozenset[str] = frozenset(
    words(
        """raise lower revise update cut increase decrease put double triple halve reduce
        boost trim lift hike slash correct adjust upgrade downgrade bump push scale mark"""
    )
)
# Nouns that name a figure someone computed or counted.
ESTIMATE_NOUNS: frozenset[str] = frozenset(
    words(
        """estimate estimation forecast projection prediction toll count tally outlook
        guidance assessment reckoning"""
    )
)
# Nouns that are an estimate only when the verb is itself about assessing it ("put the
# number at", "revised the figure to"), not when it is raised or cut ("raised the number of
# staff" is an action, not a statement).
WEAK_ESTIMATE_NOUNS: frozenset[str] = frozenset(words("number figure figures total sum"))
ASSESSING_VERBS: frozenset[str] = frozenset(words("revise update put correct adjust"))
# Prepositions and adverbs that carry the figures of a revision: "to 2,400", "from 2,000",
# "at 5,000", "by 10%", "for next year", "up from nearly 2,000".
REVISION_PREPOSITIONS: frozenset[str] = frozenset(words("to from at by for"))
REVISION_ADVERBS: frozenset[str] = frozenset(words("up down"))


def revision_cue(verb_lemma: str, object_lemma: str) -> CueEntry | None:
    """The entry of a revision cue ("raise" + "estimate"), or ``None`` when the pair is not one."""
    verb_lemma, object_lemma = verb_lemma.lower(), object_lemma.lower()
    if verb_lemma not in REVISION_VERBS:
        return None
    if object_lemma in ESTIMATE_NOUNS or (
        object_lemma in WEAK_ESTIMATE_NOUNS and verb_lemma in ASSESSING_VERBS
    ):
        return CueEntry(verb_lemma, "estimated", "revision")
    return None


# Particles that make a cue verb mean something other than speech: "calling back 40,000
# cars" recalls them, "called off the strike" cancels it, "called up reservists" drafts them.
_PARTICLES_OF_NO_SPEECH = {"call": frozenset(words("back off up in"))}


def particle_of_no_speech(lemma: str, particles: Iterable[str]) -> bool:
    """Whether a verb's particle (``particles``, lower case) turns the cue ``lemma`` into a
    verb that reports nothing."""
    return bool(_PARTICLES_OF_NO_SPEECH.get(lemma.lower(), frozenset()) & set(particles))


# Lemmatiser slips of the small English model ("hoping" → "hop").
_LEMMA_FIXES = {"hop": "hope"}


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One lexicon hit: the lemma, its stance and whether it is speech, cognition or evidence."""

    lemma: str
    stance: str
    kind: str  # speech, cognition, evidence, noun


def reports_clauses(lemma: str) -> bool:
    """Whether a verb can report a clause ("officials said, forcing ..."): a cue that only
    attributes a figure ("counted 780 cases", "counting on a defence to ...") cannot."""
    return verb_cue(lemma) is not None and lemma.lower() not in FIGURE_ONLY_VERBS


def verb_cue(lemma: str) -> CueEntry | None:
    """The lexicon entry of a verb lemma, or ``None`` when it is not a cue."""
    lemma = lemma.lower()
    lemma = _LEMMA_FIXES.get(lemma, lemma)
    if lemma in SPEECH_VERBS:
        return CueEntry(lemma, STANCE_OVERRIDES.get(lemma, SPEECH_VERBS[lemma]), "speech")
    if lemma in COGNITION_VERBS:
        return CueEntry(lemma, STANCE_OVERRIDES.get(lemma, COGNITION_VERBS[lemma]), "cognition")
    if lemma in EVIDENCE_VERBS:
        return CueEntry(lemma, EVIDENCE_VERBS[lemma], "evidence")
    return None


def noun_cue(lemma: str) -> CueEntry | None:
    """The lexicon entry of a noun lemma ("claim", "statement"), or ``None``."""
    lemma = lemma.lower()
    if lemma in NOUN_CUES:
        return CueEntry(lemma, NOUN_CUES[lemma], "noun")
    return None


def is_evidence_subject(lemma: str) -> bool:
    return lemma.lower() in EVIDENCE_SUBJECTS

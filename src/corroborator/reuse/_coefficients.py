"""Logistic-regression coefficients for reuse.classify (generated; do not edit).

Trained by eval/msrp.py --train on the 80 % train part of MSRP train (3261 pairs, seed 13); threshold from 5-fold CV on that part.
"""

FEATURES = ('cosine', 'cosine_sq', 'ratio', 'token_sort', 'token_set', 'partial', 'word_jaccard', 'word_cont_min', 'word_cont_max', 'bigram_jaccard', 'length_ratio', 'length_diff', 'name_jaccard', 'name_conflict', 'fig_both', 'fig_conflict', 'fig_one_side', 'quote_conflict', 'negation_mismatch', 'unmatched_min', 'unmatched_max', 'unmatched_log', 'unmatched_share', 'content_jaccard', 'char3_jaccard', 'wratio', 'one_side_subsumed')
WEIGHTS = [0.578702, -0.019772, 0.911429, 0.259259, -0.571255, -0.715143, 0.950166, -0.431804, 0.12009, -0.645282, 0.131978, -0.092381, -0.150578, -0.160932, 0.110029, -0.495066, -0.072321, 0.062902, -0.228487, 0.201118, 0.2746, -0.858408, 0.095993, -0.095993, 0.656037, 0.215526, -0.088646]
INTERCEPT = 1.158089
MEAN = [0.795166, 0.651808, 0.724917, 0.750052, 0.844533, 0.780395, 0.529302, 0.6311, 0.738398, 0.34907, 0.848708, 1.261113, 0.497025, 0.34468, 0.287335, 0.165287, 0.069611, 0.058264, 0.045385, 2.903097, 5.145354, 2.115545, 0.479941, 0.520059, 0.535548, 0.809491, 0.07237]
SCALE = [0.139711, 0.206826, 0.114173, 0.097978, 0.095636, 0.106075, 0.158528, 0.137321, 0.144661, 0.172306, 0.100701, 0.621356, 0.401646, 0.475264, 0.452519, 0.371439, 0.25449, 0.234243, 0.208147, 1.79742, 2.150366, 0.446158, 0.167619, 0.167619, 0.162023, 0.089225, 0.2591]
THRESHOLD = 0.51

"""Logistic-regression coefficients for reuse.classify (generated; do not edit).

Trained by eval/msrp.py --train on the 80 % train part of MSRP train (3261 pairs, seed 13); threshold from 5-fold CV on that part.
"""

FEATURES = ('cosine', 'cosine_sq', 'ratio', 'token_sort', 'token_set', 'partial', 'word_jaccard', 'word_cont_min', 'word_cont_max', 'bigram_jaccard', 'length_ratio', 'length_diff', 'name_jaccard', 'name_conflict', 'fig_both', 'fig_conflict', 'fig_one_side', 'quote_conflict', 'negation_mismatch', 'unmatched_min', 'unmatched_max', 'unmatched_log', 'unmatched_share', 'content_jaccard', 'char3_jaccard', 'wratio', 'one_side_subsumed')
WEIGHTS = [0.741856, -0.20674, 0.898636, 0.242603, -0.517553, -0.711636, 1.021698, -0.507759, 0.068958, -0.650811, 0.097954, -0.154291, -0.136496, -0.161358, 0.088163, -0.433443, -0.083263, 0.062726, -0.227003, 0.214326, 0.31194, -0.851043, 0.082841, -0.082841, 0.714986, 0.20708, -0.075383]
INTERCEPT = 1.152035
MEAN = [0.795166, 0.651808, 0.724917, 0.750052, 0.844533, 0.780395, 0.529302, 0.6311, 0.738398, 0.34907, 0.848708, 1.261113, 0.497025, 0.34468, 0.365225, 0.184606, 0.088623, 0.058264, 0.045385, 2.903097, 5.145354, 2.115545, 0.479941, 0.520059, 0.535548, 0.809491, 0.07237]
SCALE = [0.139711, 0.206826, 0.114173, 0.097978, 0.095636, 0.106075, 0.158528, 0.137321, 0.144661, 0.172306, 0.100701, 0.621356, 0.401646, 0.475264, 0.481493, 0.387978, 0.284199, 0.234243, 0.208147, 1.79742, 2.150366, 0.446158, 0.167619, 0.167619, 0.162023, 0.089225, 0.2591]
THRESHOLD = 0.55

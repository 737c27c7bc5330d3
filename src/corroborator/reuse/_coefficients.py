"""Logistic-regression coefficients for reuse.classify (generated; do not edit).

Trained by eval/msrp.py --train on the 80 % train part of MSRP train (3261 pairs, seed 13); threshold from 5-fold CV on that part.
"""

FEATURES = ('cosine', 'cosine_sq', 'ratio', 'token_sort', 'token_set', 'partial', 'word_jaccard', 'word_cont_min', 'word_cont_max', 'bigram_jaccard', 'length_ratio', 'length_diff', 'name_jaccard', 'name_conflict', 'fig_both', 'fig_conflict', 'fig_one_side', 'quote_conflict', 'negation_mismatch', 'unmatched_min', 'unmatched_max', 'unmatched_log', 'unmatched_share', 'content_jaccard', 'char3_jaccard', 'wratio', 'one_side_subsumed', 'fig_disjoint', 'fig_unshared', 'ngram1_min', 'ngram1_max', 'ngram2_min', 'ngram2_max')
WEIGHTS = [0.309615, 0.221206, 0.807929, 0.142897, -0.256274, -0.575668, 0.027724, -0.278316, -0.132623, -0.161057, -0.169277, -0.10043, -0.121246, -0.139189, 0.054828, -0.094446, 0.035362, 0.050961, -0.217141, 0.108194, 0.105094, -0.483713, 0.058621, -0.058621, 0.540464, 0.083531, -0.02303, 0.167761, -0.562581, 0.876886, 0.206891, 0.101807, -0.600656]
INTERCEPT = 1.112094
MEAN = [0.795166, 0.651808, 0.724917, 0.750052, 0.844533, 0.780395, 0.529302, 0.6311, 0.738398, 0.34907, 0.848708, 1.261113, 0.497025, 0.34468, 0.365225, 0.184606, 0.088623, 0.058264, 0.045385, 2.903097, 5.145354, 2.115545, 0.479941, 0.520059, 0.535548, 0.809491, 0.07237, 0.111929, 0.679853, 0.621716, 0.73491, 0.455392, 0.543376]
SCALE = [0.139711, 0.206826, 0.114173, 0.097978, 0.095636, 0.106075, 0.158528, 0.137321, 0.144661, 0.172306, 0.100701, 0.621356, 0.401646, 0.475264, 0.481493, 0.387978, 0.284199, 0.234243, 0.208147, 1.79742, 2.150366, 0.446158, 0.167619, 0.167619, 0.162023, 0.089225, 0.2591, 0.315279, 1.465097, 0.134847, 0.143308, 0.17871, 0.20478]
THRESHOLD = 0.52

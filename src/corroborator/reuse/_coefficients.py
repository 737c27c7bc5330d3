"""Logistic-regression coefficients for reuse.classify (generated; do not edit).

Trained by eval/msrp.py --train on the 80 % train part of MSRP train (3261 pairs, seed 13); threshold from 5-fold CV on that part.
"""

FEATURES = ('cosine', 'cosine_sq', 'ratio', 'token_sort', 'token_set', 'partial', 'word_jaccard', 'word_cont_min', 'word_cont_max', 'bigram_jaccard', 'length_ratio', 'length_diff', 'name_jaccard', 'name_conflict', 'fig_both', 'fig_conflict', 'fig_one_side', 'quote_conflict', 'negation_mismatch', 'unmatched_min', 'unmatched_max', 'unmatched_log', 'unmatched_share', 'content_jaccard', 'char3_jaccard', 'wratio', 'one_side_subsumed', 'fig_disjoint', 'fig_unshared', 'ngram1_min', 'ngram1_max', 'ngram2_min', 'ngram2_max')
WEIGHTS = [0.595926, -0.048612, 0.899781, -0.0829, -0.139679, -0.632344, 0.68395, -1.043445, -0.442663, -0.523469, -1.265011, -0.231767, -0.128258, -0.146634, 0.063613, -0.056802, 0.052786, 0.061731, -0.218908, 0.228403, 0.306786, -0.836304, 0.100685, -0.100685, 0.864529, -0.059692, 0.00525, 0.214092, -0.659005, 3.243922, -1.403801, 0.09659, -0.37045]
INTERCEPT = 1.209555
MEAN = [0.795166, 0.651808, 0.724917, 0.750052, 0.844533, 0.780395, 0.529302, 0.6311, 0.738398, 0.34907, 0.848708, 1.261113, 0.497025, 0.34468, 0.365225, 0.184606, 0.088623, 0.058264, 0.045385, 2.903097, 5.145354, 2.115545, 0.479941, 0.520059, 0.535548, 0.809491, 0.07237, 0.111929, 0.679853, 0.621716, 0.73491, 0.455392, 0.543376]
SCALE = [0.139711, 0.206826, 0.114173, 0.097978, 0.095636, 0.106075, 0.158528, 0.137321, 0.144661, 0.172306, 0.100701, 0.621356, 0.401646, 0.475264, 0.481493, 0.387978, 0.284199, 0.234243, 0.208147, 1.79742, 2.150366, 0.446158, 0.167619, 0.167619, 0.162023, 0.089225, 0.2591, 0.315279, 1.465097, 0.134847, 0.143308, 0.17871, 0.20478]
THRESHOLD = 0.49

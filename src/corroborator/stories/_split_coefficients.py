"""Same-event pair model of the split check, stories.pairs (generated; do not edit).

Trained by eval/ecbplus_stories.py --train-split-model on ECB+ train topics: 10006 pairs of 74 groups (each topic whole and each of its events with >= 4 documents), 0.664 same-event; logistic regression, C = 1.
"""

FEATURES = ('embedding', 'embedding_centred', 'terms', 'terms_centred', 'terms_both', 'entities', 'entities_centred', 'entities_both', 'numbers', 'numbers_centred', 'numbers_both', 'years_jaccard', 'years_disjoint')
WEIGHTS = [0.160542, 4.441464, 6.917853, 2.796132, -0.616442, 4.305997, -2.201765, 0.572322, 4.317839, 0.392628, -0.856875, 5.206433, -0.366098]
INTERCEPT = -1.10015

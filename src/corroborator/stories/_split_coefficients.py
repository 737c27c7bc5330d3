"""Same-event pair model of the split check, stories.pairs (generated; do not edit).

Trained by eval/ecbplus_stories.py --train-split-model on ECB+ train topics: 10006 pairs of 74 groups (each topic whole and each of its events with >= 4 documents), 0.664 same-event; logistic regression, C = 1.
"""

FEATURES = ('embedding', 'embedding_centred', 'terms', 'terms_centred', 'terms_both', 'entities', 'entities_centred', 'entities_both', 'numbers', 'numbers_centred', 'numbers_both', 'names', 'names_centred', 'names_both', 'years_jaccard', 'years_disjoint')
WEIGHTS = [0.49766, 4.332307, 2.496102, 2.706228, 0.055973, 2.536312, -1.6965, 0.370444, 4.171204, 0.582202, -0.856481, 7.858301, -0.567411, -1.913995, 5.435564, -0.428388]
INTERCEPT = -0.108826

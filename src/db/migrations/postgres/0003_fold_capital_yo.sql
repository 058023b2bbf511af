-- The same version as ../0003_fold_capital_yo.sql (Ё folds to е). artel_fold() folded Ё to е
-- from the start here; the update only keeps the two sets alike.
UPDATE users SET name_folded = replace(name_folded, 'ё', 'е');

-- Ё now folds to е, as ё always did (it folded to ё before), so a search for "елка" finds
-- "Ёлка" too. Search text folded the old way is folded again; ё is left only where Ё was.
UPDATE users SET name_folded = replace(name_folded, 'ё', 'е');

-- The quantile p of a sorted list of values as the public sees it: the mean of the w values
-- nearest the quantile's position p·(n−1), so never one company's own value; NULL for fewer than
-- w values. dashboard/disclosure.py windowed_quantiles does the same in Python (and its tests
-- check both agree).
create or replace macro window_mean(v, p, w) as
    case when len(v) >= w then list_avg(list_slice(v,
        (least(greatest(floor(p * (len(v) - 1) - (w - 1) / 2 + 0.5), 0), len(v) - w) + 1)::bigint,
        (least(greatest(floor(p * (len(v) - 1) - (w - 1) / 2 + 0.5), 0), len(v) - w) + w)::bigint)) end

-- The quantile p of a sorted list of values as the public sees it: the mean of the w values
-- nearest the quantile's position p·(n−1); NULL for fewer than w values, and NULL where that mean
-- lies within the share `near` of any one value of the list (evenly spaced values put the mean of
-- three on the middle one: it would be that company's own figure). So never one company's own
-- value, to within `near`. dashboard/disclosure.py windowed_quantiles does the same in Python (and
-- its tests check both agree).
create or replace macro window_mean(v, p, w, near) as
    list_transform(
        [case when len(v) >= w then list_avg(list_slice(v,
            (least(greatest(floor(p * (len(v) - 1) - (w - 1) / 2 + 0.5), 0), len(v) - w) + 1)::bigint,
            (least(greatest(floor(p * (len(v) - 1) - (w - 1) / 2 + 0.5), 0), len(v) - w) + w)::bigint)) end],
        lambda m: case when len(list_filter(v, lambda x: abs(x - m) <= near * abs(x))) = 0 then m end)[1]

-- The companies nominated in year $year for any prize (nominated, finalist or winner), each once,
-- by organisation number: whom `python -m dashboard.report --all` writes a report for. For the
-- operator running it, so unpublished nominations count too.
select n.org_nr, any_value(c.name) as name
from nominations n
join companies c using (org_nr)
where n.year = $year and n.status in ('nominated', 'finalist', 'winner')
group by n.org_nr
order by n.org_nr

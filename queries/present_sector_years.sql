-- Productivity and emissions intensity per sector and year (ratios of sums) with the sector's FTE:
-- the animated bubbles of the presentation. Every sector with a reporting company in a year has a
-- row; each figure only from at least $min_group companies that report it (not merely companies
-- in the sector), NULL otherwise, so the slide can name the sectors it does not show.
with p as (
    select sector, year, sum(num) / sum(den) as productivity
    from kpi_values where kpi = 'productivity' group by sector, year having count(*) >= $min_group
),
e as (
    select sector, year, sum(num) / sum(den) as emissions_intensity
    from kpi_values where kpi = 'emissions_intensity' group by sector, year having count(*) >= $min_group
),
s as (
    select sector, year, case when count(fte) >= $min_group then sum(fte) end as fte, count(*) as companies
    from facts group by sector, year
)
select s.sector, s.year, s.fte, s.companies, p.productivity, e.emissions_intensity
from s left join p using (sector, year) left join e using (sector, year)
where s.year <= $year
order by s.year, s.sector

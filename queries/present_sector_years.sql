-- Productivity and emissions intensity per sector and year (ratios of sums) with the sector's FTE:
-- the animated bubbles of the presentation. Aggregates only.
with p as (
    select sector, year, sum(num) / sum(den) as productivity
    from kpi_values where kpi = 'productivity' group by sector, year
),
e as (
    select sector, year, sum(num) / sum(den) as emissions_intensity
    from kpi_values where kpi = 'emissions_intensity' group by sector, year
),
s as (
    select sector, year, sum(fte) as fte, count(*) as companies from facts group by sector, year
)
select s.sector, s.year, s.fte, s.companies, p.productivity, e.emissions_intensity
from s join p using (sector, year) join e using (sector, year)
where s.year <= $year and s.companies >= 5
order by s.year, s.sector

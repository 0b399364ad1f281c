-- The year's story in four numbers, over all companies reporting: nominees (either prize; counted
-- from their publish date, $as_of, so the public never counts an unpublished nomination), FTE,
-- export revenue (MNOK) and the emissions cut since each company's baseline year (%, a ratio of
-- sums), with the same for the year before. Each figure comes with the number of companies it
-- counts (companies: all reporting that year), so the slide can name its population.
select f.year,
       count(*) as companies,
       count(*) filter (where (f.main_level > 0 and counts_by(f.main_published, $as_of))
                           or (f.special_level > 0 and counts_by(f.special_published, $as_of)))
           as nominees,
       sum(f.fte) as fte,
       count(f.fte) as fte_companies,
       sum(f.export_mnok) as export_mnok,
       count(f.export_mnok) as export_companies,
       100 * sum(f.base_emissions_t - f.emissions_t) filter (where f.emissions_t is not null)
           / sum(f.base_emissions_t) filter (where f.emissions_t is not null) as emissions_cut_pct,
       count(f.base_emissions_t) filter (where f.emissions_t is not null) as emissions_companies
from facts f
where f.year between $year - 1 and $year
group by f.year
order by f.year

-- One company: who it is, and its nominations (year, prize and how far it got, e.g. main finalist).
select c.org_nr, c.name, c.county_code as county, c.sector_code as sector, c.founded,
       list(n.year || ':' || n.prize || ':' || n.status order by n.year, n.prize)
           filter (where n.year is not null) as nominations
from companies c
left join nominations n using (org_nr)
where c.org_nr = $org_nr
group by all

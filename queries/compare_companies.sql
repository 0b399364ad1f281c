-- Who the chosen companies are, and how far each got in the year's award for the prize
-- (0 not nominated, 1 nominee, 2 finalist, 3 winner): the chosen_companies macro.
select * from chosen_companies($companies, $year, $prize)
order by name

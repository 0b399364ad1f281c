-- Every import, newest first.
select file_name, checksum, rows_added, rows_changed, loaded_at
from loads
order by loaded_at desc
limit 200

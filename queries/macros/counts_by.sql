-- Whether a nomination published on `published` counts for a viewer as of `as_of`: from its
-- publish date on. A nomination not (yet) published (NULL) counts only for the jury, whose as_of is
-- the last day there is (disclosure.FOREVER, 9999-12-31: written here once for SQL).
create or replace macro counts_by(published, as_of) as
    coalesce(published, DATE '9999-12-31') <= as_of

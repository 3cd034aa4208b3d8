# ODS XML is read from its file.
pcreg --db fresh.db init >/dev/null
pcreg --db fresh.db import ods-xml - <good/HSCOrgRefData_Full.xml

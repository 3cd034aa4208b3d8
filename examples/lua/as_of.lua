-- as_of.lua: libpcreg from LuaJIT through its FFI, declared by pcreg_ffi.h.
--
-- Opens a registry read-only, asks which network a practice was in on a
-- date, prints a report (seed 004's CQC table), and frees all it got.
--
-- usage: luajit as_of.lua REGISTRY PRACTICE DATE
-- The library is $PCREG_LIBRARY (else "pcreg" on the system's library
-- path); the header is $PCREG_FFI_HEADER (else include/pcreg/pcreg_ffi.h
-- beside this file's project).
local ffi = require("ffi")

local registry, practice, date = arg[1], arg[2], arg[3]
if not (registry and practice and date) then
	io.stderr:write("usage: luajit as_of.lua REGISTRY PRACTICE DATE\n")
	os.exit(2)
end

local here = (arg[0]:match("^(.*)/[^/]*$") or ".")
local header_path = os.getenv("PCREG_FFI_HEADER") or (here .. "/../../include/pcreg/pcreg_ffi.h")
local header = assert(io.open(header_path, "r"), "cannot read " .. header_path)
ffi.cdef(header:read("*a"))
header:close()
local C = ffi.load(os.getenv("PCREG_LIBRARY") or "pcreg")

-- Text the library lends, as a Lua string (nil for NULL).
local function text(p)
	if p == nil then return nil end
	return ffi.string(p)
end

local db
local function check(status, what)
	if status < 0 then
		local message = db ~= nil and text(C.pcreg_db_errmsg(db)) or text(C.pcreg_status_str(status))
		io.stderr:write(("as_of.lua: %s: %s\n"):format(what, message))
		if db ~= nil then C.pcreg_db_close(db) end
		os.exit(1)
	end
	return status
end

-- Open read-only.
local opts = ffi.new("pcreg_open_options")
check(C.pcreg_open_options_init(opts, C.PCREG_OPEN_OPTIONS_VERSION), "options")
opts.flags = C.PCREG_OPEN_READONLY
local db_out = ffi.new("pcreg_db *[1]")
local st = C.pcreg_db_open(registry, opts, db_out)
db = db_out[0]
check(st, "open " .. registry)

-- Which network was the practice in on the date?
local membership_out = ffi.new("pcreg_membership *[1]")
st = C.pcreg_membership_on(db, C.PCREG_MEMBERSHIP_NETWORK, practice, date, membership_out)
if st == C.PCREG_NOTFOUND then
	print(("%s was in no network on %s"):format(practice, date))
else
	check(st, "membership on")
	local m = membership_out[0]
	print(("%s was in network %s on %s (a member from %s)"):format(practice,
		text(C.pcreg_membership_organisation(m)), date, text(C.pcreg_membership_from_date(m))))
	C.pcreg_membership_free(m)
end

-- Seed 004's CQC table, as of the paper's date.
local report = ffi.new("pcreg_report_options")
check(C.pcreg_report_options_init(report, C.PCREG_REPORT_OPTIONS_VERSION), "report options")
report.on = "2017-04-18"
report.commissioner = "07L,08F,08N"
local iter_out = ffi.new("pcreg_cqc_iter *[1]")
check(C.pcreg_report_cqc(db, report, iter_out), "report cqc")
local iter = iter_out[0]
local row_out = ffi.new("const pcreg_cqc_row *[1]")

local function share(hundredths)
	return ("%d.%02d%%"):format(math.floor(hundredths / 100), hundredths % 100)
end

print(("%-30s %9s %9s %8s %10s %8s %5s %8s %5s %8s"):format("CQC, 18 April 2017", "Practices",
	"Published", "%", "Inadequate", "%", "RI", "%", "Good", "%"))
while true do
	st = C.pcreg_cqc_iter_next(iter, row_out)
	if st == C.PCREG_DONE then break end
	if st < 0 then C.pcreg_cqc_iter_free(iter) end
	check(st, "cqc row")
	local r = row_out[0]
	local name = C.pcreg_cqc_row_is_total(r) ~= 0 and "Total" or text(C.pcreg_cqc_row_name(r))
	print(("%-30s %9d %9d %8s %10d %8s %5d %8s %5d %8s"):format(name,
		tonumber(C.pcreg_cqc_row_practices(r)), tonumber(C.pcreg_cqc_row_published(r)),
		share(C.pcreg_cqc_row_published_share(r)), tonumber(C.pcreg_cqc_row_inadequate(r)),
		share(C.pcreg_cqc_row_inadequate_share(r)),
		tonumber(C.pcreg_cqc_row_requires_improvement(r)),
		share(C.pcreg_cqc_row_requires_improvement_share(r)), tonumber(C.pcreg_cqc_row_good(r)),
		share(C.pcreg_cqc_row_good_share(r))))
end
C.pcreg_cqc_iter_free(iter)
C.pcreg_db_close(db)

#!/usr/bin/env bash
# The bash completion script pcreg makes from its command tables completes
# what a person would type: commands, a group's subcommands, a command's
# options, --format's values, file names where a FILE goes.
# usage: completion.sh PCREG
set -euo pipefail
pcreg=$1
script=$(mktemp)
dir=$(mktemp -d)
trap 'rm -rf "$script" "$dir"' EXIT
"$pcreg" completion bash >"$script"
bash -n "$script"
# shellcheck disable=SC1090
source "$script"

failed=0
complete_words() { # WORDS...: what completing the last word offers
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_pcreg
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect() { # WANT WORDS...
	local want=$1 got
	shift
	got=$(complete_words "$@")
	if [ "$got" != "$want" ]; then
		echo "completing '$*': got '$got', expected '$want'"
		failed=1
	fi
}
expect "practice" pcreg prac
expect "list show" pcreg practice ""
expect "--commissioner" pcreg practice list --comm
expect "csv html json jsonl png svg table tsv" pcreg report cqc --format ""
expect "csv jsonl" pcreg export practice --format ""
expect "--known-at" pcreg --kn
expect "listsize" pcreg --db x.db lists
touch "$dir/epraccur.csv"
expect "$dir/epraccur.csv" pcreg import auto "$dir/epr"
expect "" pcreg practice show E91002 --as-of ""
# every command the tables know is offered
for word in $("$pcreg" help --synopsis | cut -d' ' -f1 | sort -u); do
	case " $(complete_words pcreg "") " in
	*" $word "*) ;;
	*) echo "command $word is not completed"; failed=1 ;;
	esac
done
[ $failed = 0 ] && echo "completion.sh: ok"
exit $failed

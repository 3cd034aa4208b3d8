for c in init migrate import imports changes export 'practice show' 'practice list' timeline search 'network show' 'network members' 'commissioner show' 'commissioner list' resolve 'contract list' report check version help; do
  pcreg $c --help | head -1
done
pcreg --help | head -1
pcreg practice --help | grep -c '^usage'

# every BHR practice is in one federation on the paper's date
for f in together-first havering-health healthbridge-direct redbridge-alliance; do
  printf '%s ' "$f"
  pcreg practice list --federation "$f" --as-of 2017-04-18 --format csv | tail -n +2 | wc -l
done

pcreg timeline Z99999

pcreg timeline E91002

pcreg rejections --import zero

/** Xiaoe's "no time" value (detail page: 若没有则默认为0000-00-00 00:00:00); times are ../../shanghaiTime's. */
export const NO_TIME = '0000-00-00 00:00:00';

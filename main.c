#include <stdio.h>
#include <string.h>
#include "ei_strength.h"
int main(void){ char k[2048]; k[0]=0; for(int i=0;i<63;i++) strcat(k,"0123456789abcdef"); strcat(k,"x");
 printf("%u\n", ei_strength_bits((unsigned char*)k, strlen(k))); return 0; }

/* main.c -- placeholder until the CLI lands. */
#include "curlew.h"
int main(void) { return 0; }

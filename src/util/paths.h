/*
 * paths.h -- where an installed curlew finds its data and the explorer's
 * page (paths.c): PREFIX/share/curlew beside PREFIX/bin or PREFIX/lib,
 * else the directories compiled in (the checkout's).
 */
#ifndef CW_PATHS_H
#define CW_PATHS_H

const char *cw_default_data_dir(void);
const char *cw_default_web_dir(void);

#endif

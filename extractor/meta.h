/* meta.h - the report's agency and year, read from its title. */
#ifndef XXGK_META_H
#define XXGK_META_H

#include "map.h"
#include "report.h"

/* Paragraphs kept for the title search: the first few outside tables. */
#define XXGK_META_MAX_PARAS 40

typedef struct {
	xxgk_buf text;                          /* paragraphs, white space removed */
	size_t off[XXGK_META_MAX_PARAS + 1];    /* start of each; off[n] = end */
	size_t n;
} xxgk_meta_paras;

/* Keep a body paragraph if there is room and it has text. */
int xxgk_meta_add(xxgk_meta_paras *p, const char *text, size_t len);

/* Try the title rules on each kept paragraph, then on neighbouring pairs;
 * set the report's agency and year from the first that matches. */
int xxgk_meta_title(xxgk_report *r, const xxgk_meta_paras *p, xxgk_map_scratch *s);

/* The fallback for an HTML page whose body names no agency or year: its
 * <title>, cut at the separators that set off the site's name
 * ("报告_某某区人民政府"), each piece tried as a title paragraph. Sets only
 * what the body left unset. */
int xxgk_meta_page_title(xxgk_report *r, const char *title, size_t len, xxgk_map_scratch *s);

/* "2024" or "二〇二四" as a year; 0 if neither. */
int xxgk_meta_year(const char *s, size_t len);

#endif

/*
 * xxgk.h - extract the statistical tables of Chinese government
 * information-disclosure annual reports (政府信息公开工作年度报告) from
 * .docx files into normalized, validated data.
 *
 *   xxgk_extractor *x;
 *   xxgk_report *r;
 *   if (xxgk_extractor_new(&x, NULL) < 0 ||
 *       xxgk_extract_file(&r, x, "report.docx") < 0)
 *           fprintf(stderr, "%s\n", xxgk_error_last()->message);
 */
#ifndef XXGK_H
#define XXGK_H

#include "common.h"
#include "options.h"
#include "report.h"
#include "extract.h"
#include "emit.h"
#include "check.h"

#endif

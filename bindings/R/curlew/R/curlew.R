# curlew for R: codes text and reads event stores through the installed
# curlew program (no CRAN package needed), into data frames with the columns
# of `curlew code --format tsv`.  CAMEO codes and roots stay character.

# The curlew program: $CURLEW_BIN, else the one installed with this package
# (PREFIX/lib/R/site-library/curlew -> PREFIX/bin/curlew), else the PATH's.
curlew_bin <- function() {
  env <- Sys.getenv("CURLEW_BIN")
  if (nzchar(env)) return(env)
  pkg <- system.file(package = "curlew")
  beside <- file.path(pkg, "..", "..", "..", "..", "bin", "curlew")
  if (file.exists(beside)) return(normalizePath(beside))
  found <- Sys.which("curlew")
  if (nzchar(found)) return(unname(found))
  stop("curlew: the curlew program was not found (set CURLEW_BIN)")
}

# Columns read as numbers; every other column is character.
int_cols <- c("sentence", "source_start", "source_end", "target_start", "target_end",
              "quad_class", "trigger_start", "trigger_end")
num_cols <- c("goldstein", "location_lat", "location_lon", "confidence")

json_str <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  s <- gsub("\n", "\\n", s, fixed = TRUE)
  s <- gsub("\r", "\\r", s, fixed = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE)
  paste0("\"", s, "\"")
}

# curlew's TSV escapes tabs, newlines and backslashes inside fields.
tsv_unescape <- function(x) {
  x <- gsub("\\t", "\t", x, fixed = TRUE)
  x <- gsub("\\n", "\n", x, fixed = TRUE)
  x <- gsub("\\r", "\r", x, fixed = TRUE)
  gsub("\\\\", "\\", x, fixed = TRUE)
}

read_tsv <- function(lines) {
  if (length(lines) == 0) return(data.frame())
  df <- read.delim(text = paste0(lines, collapse = "\n"), colClasses = "character",
                   quote = "", comment.char = "", na.strings = "", encoding = "UTF-8",
                   check.names = FALSE)
  for (col in names(df)) {
    if (col %in% int_cols) df[[col]] <- as.integer(df[[col]])
    else if (col %in% num_cols) df[[col]] <- as.numeric(df[[col]])
    else df[[col]] <- tsv_unescape(df[[col]])
  }
  df
}

run_curlew <- function(args, input = NULL) {
  out <- suppressWarnings(system2(curlew_bin(), args, stdout = TRUE, stderr = "",
                                  input = input))
  status <- attr(out, "status")
  if (!is.null(status) && status != 0)
    stop(sprintf("curlew %s failed (exit %d)", args[1], status))
  out
}

#' Code text into events: a data frame, one row per event.
code <- function(text, date = NULL, id = "story", url = NULL, title = NULL,
                 publisher = NULL) {
  rec <- paste0("{\"id\":", json_str(id), ",\"text\":", json_str(paste(text, collapse = "\n")))
  for (f in c("date", "url", "title", "publisher")) {
    v <- get(f)
    if (!is.null(v)) rec <- paste0(rec, ",\"", f, "\":", json_str(v))
  }
  rec <- paste0(rec, "}")
  read_tsv(run_curlew(c("code", "--quiet", "--input", "jsonl", "--format", "tsv"), rec))
}

#' Every event of a curlew store (a SQLite file or a postgresql:// URL).
read_events <- function(db, from = NULL, to = NULL) {
  args <- c("query", "--db", db, "--tsv")
  if (!is.null(from)) args <- c(args, "--from", from)
  if (!is.null(to)) args <- c(args, "--to", to)
  read_tsv(run_curlew(c(args, "events")))
}

# The R package against the command line: the same story gives the TSV's
# rows, codes as character.  Run with the package on R_LIBS and CURLEW_BIN
# naming curlew if it is not the package's own.  Ends "N passed, M failed".
library(curlew)
passed <- 0
failed <- 0
check <- function(name, cond) {
  if (isTRUE(cond)) {
    passed <<- passed + 1
    cat("ok  ", name, "\n")
  } else {
    failed <<- failed + 1
    cat("FAIL", name, "\n")
  }
}
bin <- curlew_bin()
text <- "Israeli troops attacked Palestinian militants in Gaza. The Egyptian government urged both sides to negotiate."
d <- curlew::code(text, date = "2024-03-15", id = "r1", publisher = "Wire")
header <- strsplit(system2(bin, c("code", "--format", "tsv", "--input", "jsonl", "/dev/null"), stdout = TRUE)[1], "\t")[[1]]
check("code() gives a data.frame with the TSV's columns", is.data.frame(d) && identical(names(d), header))
check("code() codes the story (2 or more events)", nrow(d) >= 2)
check("cameo and root are character, zeros kept", is.character(d$cameo) && is.character(d$root) &&
      any(startsWith(d$cameo, "0")))
check("numbers are numbers", is.numeric(d$goldstein) && is.integer(d$sentence))
check("the publisher reaches every row", all(d$publisher == "Wire"))
check("the date is the story's", all(d$date == "2024-03-15"))
# Not in a build without the store (make CURLEW_STORE=0; tests/run.sh sets this).
if (Sys.getenv("CURLEW_NO_STORE") == "") {
	db <- tempfile(fileext = ".sqlite")
	samples <- Sys.getenv("SAMPLES", "samples")
	system2(bin, c("code", "--quiet", "--db", db, file.path(samples, "stories.jsonl")))
	e <- read_events(db)
	summ <- system2(bin, c("query", "--db", db, "--tsv", "summary"), stdout = TRUE)
	n <- as.integer(strsplit(summ[2], "\t")[[1]][3])
	check(sprintf("read_events() reads every event of the store (%d)", n), nrow(e) == n && n > 0)
	check("read_events() keeps codes as character", is.character(e$cameo) && all(nchar(e$cameo) >= 3))
	check("read_events() has the TSV's columns", identical(names(e), header))
	unlink(db)
}
cat(sprintf("%d passed, %d failed\n", passed, failed))
quit(status = if (failed > 0) 1 else 0)

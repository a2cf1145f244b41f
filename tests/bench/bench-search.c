/*
 * bench-search: throughput of the search engine on a generated corpus,
 * against grep -F.  Not a test: it prints figures and targets and never
 * fails on speed.
 *
 *	bench-search [-m MB] [-k] [-p] [FILE]
 *
 * Without FILE it writes a corpus of at least MB megabytes (default 100)
 * as tests/bench/bench.c does: the bundled articles and tests/data/pages,
 * form feeds between pages, digits rotated page by page.  (-p is
 * accepted and ignored, so that `make bench BENCH_ARGS=...` can pass the
 * same options to both benchmarks.)  Then, on one core:
 *   - doc_open (not part of the search figures)
 *   - search_index_doc: building the index, MB/s of the corpus
 *   - script_fold_init: the Simplified/Traditional fold map, made once
 *     per process from OpenCC's dictionaries (part of the first fold)
 *   - search_index_fold: the one-time folding (NFKC + case folding +
 *     the script fold), the map already made
 *   - search_count, MB/s of the indexed text and matches, for an exact
 *     literal (监狱, and the rare 法雨春风), the same folded, the folded
 *     Traditional 監獄 and mixed 监獄 (the same matches across scripts),
 *     and the regular expression \d+人次 (folded);
 *   - grep -F -c 监狱 FILE, fork/exec'ed and timed, its count, and the
 *     ratio of the exact search to it (target: within 3x);
 *   - script_convert (--script, c in the reader) of the first pages (at
 *     least 4 MB) to Traditional (s2t) and of that back to Simplified
 *     (t2s): OpenCC's phrase conversion, which sets its pace;
 * with the targets printed next to the figures.
 */
#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "doc.h"
#include "script.h"
#include "search.h"
#include "corpus.h"
#include "xmalloc.h"

#define MB	(1024.0 * 1024.0)
#define REPEAT	3			/* best of */


/* Terminal cells of a UTF-8 string (for aligning columns). */
static int
bench_width(const char *s)
{
	wchar_t	 w[64];
	size_t	 n = mbstowcs(w, s, 64);
	int	 c;

	if (n == (size_t)-1 || n >= 64)
		return (int)strlen(s);
	c = wcswidth(w, n);
	return c < 0 ? (int)strlen(s) : c;
}

/* Count pattern (flags) REPEAT times; the best time and the count. */
static double
bench_count(struct search_index *idx, const char *pattern, unsigned flags,
    size_t *count)
{
	struct search	*s;
	char		*cause = NULL;
	double		 best = 1e9, t0, t;
	int		 r;

	s = search_compile(pattern, flags, &cause);
	if (s == NULL) {
		fprintf(stderr, "bench-search: %s: %s\n", pattern, cause);
		exit(2);
	}
	for (r = 0; r < REPEAT; r++) {
		t0 = corpus_now();
		*count = search_count(idx, s);
		t = corpus_now() - t0;
		if (t < best)
			best = t;
	}
	search_free(s);
	return best;
}

/* Run grep -F -c pattern path, best wall time of REPEAT; -1 when grep
   cannot be run. */
static double
bench_grep(const char *pattern, const char *path, long *count)
{
	double	 best = -1, t0, t;
	int	 fds[2], r, status;
	pid_t	 pid;
	char	 out[64];
	ssize_t	 n;

	for (r = 0; r < REPEAT; r++) {
		if (pipe(fds) != 0)
			return -1;
		t0 = corpus_now();
		if ((pid = fork()) < 0)
			return -1;
		if (pid == 0) {
			dup2(fds[1], 1);
			close(fds[0]);
			close(fds[1]);
			execlp("grep", "grep", "-F", "-c", "--", pattern, path,
			    (char *)NULL);
			_exit(127);
		}
		close(fds[1]);
		n = read(fds[0], out, sizeof out - 1);
		close(fds[0]);
		waitpid(pid, &status, 0);
		t = corpus_now() - t0;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1 || n <= 0)
			return -1;
		out[n] = '\0';
		*count = strtol(out, NULL, 10);
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}

/* Convert the first pages of t (at least 4 MB) to Traditional and back. */
static void
bench_convert(const struct text *full)
{
	static const struct {
		const char	*label;
		enum script	 to;
	} steps[] = {
		{ "to traditional (s2t)", SCRIPT_TRADITIONAL },
		{ "back to simplified (t2s)", SCRIPT_SIMPLIFIED },
	};
	struct script_conv	*cv, *cv2 = NULL;
	struct text		 t, *cur = &t;
	size_t			 p, i;
	double			 t0, dt;

	for (p = 0; p < full->npages && full->pages[p].end < 4 * MB; p++)
		;
	if (p == full->npages)
		p = full->npages - 1;
	script_text_copy(&t, full);
	t.len = full->pages[p].end;
	t.buf[t.len] = '\0';
	t.npages = p + 1;
	t.nlines = 1;
	for (i = 0; i < t.len; i++)
		t.nlines += t.buf[i] == '\n' && i + 1 < t.len;
	printf("script conversion of %.1f MB (%zu pages):\n",
	    (double)t.len / MB, t.npages);
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		t0 = corpus_now();
		if (script_convert(cur, steps[i].to, &cv, NULL) != 0 ||
		    cv == NULL) {
			printf("  %s: not converted (dictionaries?)\n",
			    steps[i].label);
			break;
		}
		dt = corpus_now() - t0;
		printf("  %s%*s %.3f s  %6.1f MB/s\n", steps[i].label,
		    28 - bench_width(steps[i].label), "", dt,
		    (double)cv->source.len / MB / dt);
		script_conv_free(cv2);
		cv2 = cv;
	}
	script_conv_free(cv2);
	text_free(cur);
}

int
main(int argc, char *argv[])
{
	static const struct {
		const char	*label;
		const char	*pattern;
		unsigned	 flags;
		double		 target;	/* MB/s, 0: none */
	} cases[] = {
		{ "exact literal 监狱", "监狱", SEARCH_EXACT, 0 },
		{ "exact literal 法雨春风", "法雨春风", SEARCH_EXACT, 0 },
		{ "folded literal 监狱", "监狱", 0, 300 },
		{ "folded literal 法雨春风", "法雨春风", 0, 300 },
		{ "folded Traditional 監獄", "監獄", 0, 300 },
		{ "folded mixed 监獄", "监獄", 0, 300 },
		{ "regex \\d+人次 (folded)", "\\d+人次", SEARCH_REGEX, 0 },
	};
	struct doc		 d;
	struct search_index	*idx;
	char			 tmpl[] = "/tmp/dubao-bench-search-XXXXXX";
	char			*path = NULL, *paths[1];
	double			 t0, t, size, isize, exact = 0, g;
	size_t			 want = 100, i, count;
	long			 gcount = 0;
	int			 ch, keep = 0;

	setlocale(LC_ALL, "C.UTF-8");
	while ((ch = getopt(argc, argv, "km:p")) != -1) {
		switch (ch) {
		case 'k':
			keep = 1;
			break;
		case 'm':
			want = strtoul(optarg, NULL, 10);
			break;
		case 'p':
			break;
		default:
			fprintf(stderr, "usage: bench-search [-k] [-m MB] "
			    "[FILE]\n");
			return 2;
		}
	}
	if (optind < argc)
		path = argv[optind];
	else {
		path = tmpl;
		corpus_temp(tmpl, want * 1024 * 1024, "bench-search");
	}

	memset(&d, 0, sizeof d);
	paths[0] = path;
	t0 = corpus_now();
	if (doc_open(&d, paths, 1, stderr) != 1) {
		fprintf(stderr, "bench-search: cannot open %s\n", path);
		return 2;
	}
	t = corpus_now() - t0;
	size = (double)d.files[0].text.len;
	printf("corpus:                     %.1f MB, %zu pages, %zu stories "
	    "(doc_open %.2f s, not counted below)\n", size / MB, d.npages,
	    d.nstories, t);

	t0 = corpus_now();
	idx = search_index_doc(&d);
	t = corpus_now() - t0;
	isize = (double)search_index_size(idx);
	printf("index build (search_index_doc): %.3f s  %.0f MB/s of corpus "
	    "(%.1f MB of joined text)\n", t, size / MB / t, isize / MB);
	t0 = corpus_now();
	script_fold_init();
	t = corpus_now() - t0;
	printf("script fold map (OpenCC, once): %.3f s%s\n", t,
	    script_fold_ok() ? "" : "  (dictionaries missing: no script "
	    "fold)");
	t0 = corpus_now();
	search_index_fold(idx);
	t = corpus_now() - t0;
	printf("fold, once (search_index_fold): %.3f s  %.0f MB/s\n", t,
	    isize / MB / t);

	printf("search_count over the index (best of %d):\n", REPEAT);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = bench_count(idx, cases[i].pattern, cases[i].flags, &count);
		if (i == 0)
			exact = t;
		printf("  %s%*s %.3f s  %6.0f MB/s  %8zu matches",
		    cases[i].label, 28 - bench_width(cases[i].label), "", t,
		    isize / MB / t, count);
		if (cases[i].target > 0)
			printf("   (target >= %.0f MB/s: %s)", cases[i].target,
			    isize / MB / t >= cases[i].target ? "met" :
			    "NOT met");
		printf("\n");
	}

	g = bench_grep("监狱", path, &gcount);
	if (g < 0)
		printf("grep -F -c 监狱: could not be run\n");
	else {
		printf("grep -F -c 监狱 FILE:        %.3f s  %6.0f MB/s  %8ld "
		    "lines (grep counts lines, dubao matches)\n", g,
		    size / MB / g, gcount);
		printf("exact 监狱 / grep -F time:  %.2fx   (target <= 3x: %s)\n",
		    exact / g, exact / g <= 3 ? "met" : "NOT met");
	}

	bench_convert(&d.files[0].text);

	search_index_free(idx);
	doc_free(&d);
	if (path == tmpl) {
		if (keep)
			printf("corpus kept in %s\n", path);
		else
			unlink(path);
	}
	return 0;
}

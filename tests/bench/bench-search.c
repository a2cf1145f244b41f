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
 *   - search_index_fold: the one-time folding (NFKC + case folding)
 *   - search_count, MB/s of the indexed text and matches, for an exact
 *     literal (监狱, and the rare 法雨春风), the same folded, and the
 *     regular expression \d+人次 (folded);
 *   - grep -F -c 监狱 FILE, fork/exec'ed and timed, its count, and the
 *     ratio of the exact search to it (target: within 3x);
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
#include "search.h"
#include "xmalloc.h"

#define MB	(1024.0 * 1024.0)
#define REPEAT	3			/* best of */

struct sample {
	char	*buf;
	size_t	 len;
};

/* Seconds on a monotonic clock. */
static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read a whole file into a malloc'ed buffer. */
static char *
bench_slurp(const char *path, size_t *n)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf = NULL;
	size_t	 cap = 0, len = 0, r;

	if (fp == NULL)
		return NULL;
	do {
		if (cap - len < 65536)
			buf = xrealloc(buf, cap = cap * 2 + 65536);
		r = fread(buf + len, 1, cap - len, fp);
		len += r;
	} while (r > 0);
	fclose(fp);
	*n = len;
	return buf;
}

/* The *.txt pages of a directory. */
static void
bench_collect(const char *dir, struct sample **s, size_t *n)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	char		*path;
	size_t		 len;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		*s = xreallocarray(*s, *n + 1, sizeof **s);
		(*s)[*n].buf = bench_slurp(path, &(*s)[*n].len);
		if ((*s)[*n].buf != NULL)
			(*n)++;
		free(path);
	}
	closedir(d);
}

/* Write a corpus of at least want bytes to path: the sample pages,
   digits rotated by one more on every round. */
static size_t
bench_corpus(const char *path, size_t want)
{
	struct sample	*s = NULL;
	size_t		 n = 0, total = 0, i, j, maxlen = 0;
	unsigned	 k = 0;
	FILE		*fp;
	char		*tmp;

	bench_collect("articles", &s, &n);
	bench_collect("tests/data/pages", &s, &n);
	if (n == 0) {
		fprintf(stderr, "bench-search: no pages in articles/ (run from "
		    "the top of the source tree)\n");
		exit(2);
	}
	for (i = 0; i < n; i++)
		if (s[i].len > maxlen)
			maxlen = s[i].len;
	tmp = xmalloc(maxlen + 1);
	if ((fp = fopen(path, "wb")) == NULL) {
		perror(path);
		exit(2);
	}
	while (total < want) {
		for (i = 0; i < n && total < want; i++) {
			for (j = 0; j < s[i].len; j++) {
				char c = s[i].buf[j];

				if (c >= '0' && c <= '9')
					c = (char)('0' + (c - '0' + k) % 10);
				tmp[j] = c;
			}
			fwrite(tmp, 1, s[i].len, fp);
			fputc('\f', fp);
			total += s[i].len + 1;
		}
		k++;
	}
	fclose(fp);
	for (i = 0; i < n; i++)
		free(s[i].buf);
	free(s);
	free(tmp);
	return total;
}

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
		t0 = bench_now();
		*count = search_count(idx, s);
		t = bench_now() - t0;
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
		t0 = bench_now();
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
		t = bench_now() - t0;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1 || n <= 0)
			return -1;
		out[n] = '\0';
		*count = strtol(out, NULL, 10);
		if (best < 0 || t < best)
			best = t;
	}
	return best;
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
		{ "regex \\d+人次 (folded)", "\\d+人次", SEARCH_REGEX, 0 },
	};
	struct doc		 d;
	struct search_index	*idx;
	char			 tmpl[] = "/tmp/dubao-bench-search-XXXXXX";
	char			*path = NULL, *paths[1];
	double			 t0, t, size, isize, exact = 0, g;
	size_t			 want = 100, i, count;
	long			 gcount = 0;
	int			 ch, keep = 0, fd;

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
		if ((fd = mkstemp(tmpl)) < 0) {
			perror("mkstemp");
			return 2;
		}
		close(fd);
		path = tmpl;
		bench_corpus(path, want * 1024 * 1024);
	}

	memset(&d, 0, sizeof d);
	paths[0] = path;
	t0 = bench_now();
	if (doc_open(&d, paths, 1, stderr) != 1) {
		fprintf(stderr, "bench-search: cannot open %s\n", path);
		return 2;
	}
	t = bench_now() - t0;
	size = (double)d.files[0].text.len;
	printf("corpus:                     %.1f MB, %zu pages, %zu stories "
	    "(doc_open %.2f s, not counted below)\n", size / MB, d.npages,
	    d.nstories, t);

	t0 = bench_now();
	idx = search_index_doc(&d);
	t = bench_now() - t0;
	isize = (double)search_index_size(idx);
	printf("index build (search_index_doc): %.3f s  %.0f MB/s of corpus "
	    "(%.1f MB of joined text)\n", t, size / MB / t, isize / MB);
	t0 = bench_now();
	search_index_fold(idx);
	t = bench_now() - t0;
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

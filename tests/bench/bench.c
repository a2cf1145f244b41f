/*
 * bench: throughput and memory of the reading engine on a generated
 * corpus.  Not a test: it prints figures and never fails on speed.
 *
 *	bench [-m MB | -r DIR] [-k] [-p] [FILE]
 *
 * Without FILE it writes a corpus of at least MB megabytes (default 100)
 * of pages to a temporary file (form feeds between pages; the pages are
 * the bundled articles and tests/data/pages with their digits and some
 * characters varied page by page, so no two pages are equal), then
 * measures, on one core:
 *   - load (read + decode + sanitise) + structure + statistics, MB/s
 *   - layout of every story at width 80 (prepare + fit), MB/s
 *   - peak resident memory, against the corpus size.
 * The corpus is written page by page and never held twice in memory.
 *
 * Below these figures comes a breakdown from a second pass over the same
 * file, phase by phase (text_load alone, parse_page of every page, then
 * stats_page of every page): the time of each and the heap it leaves
 * allocated (glibc mallinfo2: malloc overhead and slack included), and
 * last a pass that does structure and statistics together (parse_page
 * then stats_page, page by page, as doc_open does), three times: its
 * best MB/s is the "structure+statistics" figure.
 * -p runs only that breakdown (for profiling one phase at a time); -k
 * keeps the corpus written.
 * -r DIR measures real pages instead of the generated ones: DIR holds
 * folders of days of articles, one file each (YYYYMMDD-PP-NN.txt, as
 * ../shared/corpus/rmrb-2019), and the articles of one page, one after
 * another, make a page.  The generated pages are the test pages, many of
 * them small and made to be hard (Markdown, notes, form feeds); real
 * pages are what readers open.
 */
#include <dirent.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "layout.h"
#include "parse.h"
#include "corpus.h"
#include "xmalloc.h"

#define MB	(1024.0 * 1024.0)

/* Peak resident set size in bytes. */
static double
bench_peak(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss * 1024.0;
}

/* Bytes of heap in use (small chunks and mmapped blocks). */
static double
bench_heap(void)
{
	struct mallinfo2 mi = mallinfo2();

	return (double)mi.uordblks + (double)mi.hblkhd;
}

/* Time and heap of text_load, parse_page and stats_page, phase by phase. */
static void
bench_phases(const char *path)
{
	struct text	 t;
	struct page	*pg;
	struct stat_list *sl;
	const char	*cause = NULL;
	double		 t0, t1, t2, t3, h0, h1, h2, h3, size, best;
	size_t		 p, s, b, k, nblocks = 0, npieces = 0, nhits = 0;
	int		 r;
	size_t		 nstories = 0, nbylines = 0, nnames = 0, nsections = 0;

	h0 = bench_heap();
	t0 = corpus_now();
	if (text_load(&t, path, &cause) != 0) {
		fprintf(stderr, "bench: %s: %s\n", path, cause);
		exit(2);
	}
	t1 = corpus_now();
	h1 = bench_heap();
	pg = xcalloc(t.npages, sizeof *pg);
	for (p = 0; p < t.npages; p++)
		parse_page(&pg[p], &t, t.pages[p]);
	t2 = corpus_now();
	h2 = bench_heap();
	sl = xcalloc(t.npages, sizeof *sl);
	for (p = 0; p < t.npages; p++)
		stats_page(&pg[p], &sl[p]);
	t3 = corpus_now();
	h3 = bench_heap();

	for (p = 0; p < t.npages; p++) {
		nstories += pg[p].nstories;
		for (s = 0; s <= pg[p].nstories; s++) {
			const struct story *st = s < pg[p].nstories ?
			    &pg[p].stories[s] : &pg[p].banner;

			nblocks += st->nblocks;
			for (b = 0; b < st->nblocks; b++)
				npieces += st->blocks[b].npieces;
			nbylines += st->nbylines;
			for (k = 0; k < st->nbylines; k++)
				nnames += st->bylines[k].nnames;
			nsections += st->nsections;
		}
		nhits += sl[p].n;
	}
	size = (double)t.len;
	printf("breakdown (separate pass):\n");
	printf("  text load:                %.3f s  %.0f MB/s\n", t1 - t0,
	    size / MB / (t1 - t0));
	printf("  parse (structure):        %.3f s  %.0f MB/s\n", t2 - t1,
	    size / MB / (t2 - t1));
	printf("  statistics:               %.3f s  %.0f MB/s\n", t3 - t2,
	    size / MB / (t3 - t2));
	printf("  heap held by text:        %.1f MB = %.2f x corpus (buffer "
	    "%.1f MB, %zu lines, %zu pages)\n", (h1 - h0) / MB,
	    (h1 - h0) / size, (double)(t.len + 1) / MB, t.nlines, t.npages);
	printf("  heap held by structure:   %.1f MB = %.2f x corpus (%zu "
	    "blocks, %zu pieces)\n", (h2 - h1) / MB, (h2 - h1) / size,
	    nblocks, npieces);
	printf("    of which used: pages %.1f MB, stories %.1f MB, blocks "
	    "%.1f MB, pieces %.1f MB, bylines %.1f MB, sections %.1f MB\n",
	    (double)t.npages * sizeof *pg / MB,
	    (double)nstories * sizeof(struct story) / MB,
	    (double)nblocks * sizeof(struct block) / MB,
	    (double)npieces * sizeof(struct range) / MB,
	    (double)(nbylines * sizeof(struct byline) +
	    nnames * sizeof(struct range)) / MB,
	    (double)nsections * sizeof(struct section) / MB);
	printf("  heap held by statistics:  %.1f MB = %.2f x corpus (%zu hits "
	    "of %zu bytes)\n", (h3 - h2) / MB, (h3 - h2) / size, nhits,
	    sizeof(struct stat_hit));

	for (p = 0; p < t.npages; p++) {
		stats_list_free(&sl[p]);
		page_free(&pg[p]);
	}

	/* structure and statistics together, page by page, as doc_open
	   does them (the target is for the two); the best of
	   three runs, as the machine may be busy */
	best = 0;
	for (r = 0; r < 3; r++) {
		memset(pg, 0, t.npages * sizeof *pg);
		memset(sl, 0, t.npages * sizeof *sl);
		t0 = corpus_now();
		for (p = 0; p < t.npages; p++) {
			parse_page(&pg[p], &t, t.pages[p]);
			stats_page(&pg[p], &sl[p]);
		}
		t1 = corpus_now();
		if (r == 0 || t1 - t0 < best)
			best = t1 - t0;
		for (p = 0; p < t.npages; p++) {
			stats_list_free(&sl[p]);
			page_free(&pg[p]);
		}
	}
	printf("  structure+statistics:     %.3f s  %.0f MB/s   (target >= "
	    "300; parse_page+stats_page page by page, best of 3)\n", best,
	    size / MB / best);
	free(sl);
	free(pg);
	text_free(&t);
}


int
main(int argc, char *argv[])
{
	struct doc	 d;
	struct layout_scratch *ls;
	char		 tmpl[] = "/tmp/dubao-bench-XXXXXX";
	char		*path = NULL;
	const char	*real = NULL;
	double		 t0, t1, t2, size, peak_load, lines = 0;
	size_t		 want = 100, p, s, nhits, i, nstories = 0;
	int		 ch, keep = 0, phases = 0;

	setlocale(LC_ALL, "C.UTF-8");
	while ((ch = getopt(argc, argv, "km:pr:")) != -1) {
		switch (ch) {
		case 'k':
			keep = 1;
			break;
		case 'm':
			want = strtoul(optarg, NULL, 10);
			break;
		case 'p':
			phases = 1;
			break;
		case 'r':
			real = optarg;
			break;
		default:
			fprintf(stderr, "usage: bench [-kp] [-m MB | -r DIR] "
			    "[FILE]\n");
			return 2;
		}
	}
	if (optind < argc)
		path = argv[optind];
	else if (real != NULL) {
		int fd = mkstemp(tmpl);

		if (fd < 0) {
			perror("bench: mkstemp");
			return 2;
		}
		close(fd);
		path = tmpl;
		size = (double)corpus_write_real(path, real, "bench", &p);
		printf("real pages:                 %s, %zu pages of "
		    "articles one after another, %.1f MB\n", real, p,
		    size / MB);
	} else {
		path = tmpl;
		corpus_temp(tmpl, want * 1024 * 1024, "bench");
	}

	if (phases) {
		bench_phases(path);
		goto out;
	}
	memset(&d, 0, sizeof d);
	t0 = corpus_now();
	if (doc_open(&d, &path, 1, stderr) != 1)
		return 2;
	t1 = corpus_now();
	size = (double)d.files[0].text.len;
	peak_load = bench_peak();
	ls = layout_scratch_new();	/* as the dump keeps it */
	for (p = 0; p < d.npages; p++) {
		const struct doc_page *dp = &d.pages[p];

		for (s = 0; s < dp->page.nstories; s++) {
			struct layout_prep	*prep;
			struct layout		*lay;
			const struct stat_hit	*h = dp->stats.hits;

			for (i = 0; i < dp->stats.n && h->story < s; i++, h++)
				;
			for (nhits = 0; i + nhits < dp->stats.n &&
			    h[nhits].story == s; nhits++)
				;
			prep = layout_prepare_with(ls, &dp->page,
			    &dp->page.stories[s], h, nhits, 0);
			lay = layout_fit(prep, 80);
			lines += lay->nlines;
			layout_free(lay);
			layout_prep_free(prep);
			nstories++;
		}
	}
	t2 = corpus_now();
	layout_scratch_free(ls);

	for (nhits = 0, p = 0; p < d.npages; p++)
		nhits += d.pages[p].stats.n;
	printf("corpus:                     %.1f MB, %zu pages, %zu stories, "
	    "%zu statistics\n", size / MB, d.npages, d.nstories, nhits);
	printf("load+structure+statistics:  %.3f s  %.0f MB/s   "
	    "(doc_open, from the page cache into new memory; the\n"
	    "                             target >= 300 is for "
	    "structure+statistics, below)\n", t1 - t0, size / MB / (t1 - t0));
	printf("layout at width 80:         %.3f s  %.0f MB/s   "
	    "(target >= 100), %.0f lines\n", t2 - t1, size / MB / (t2 - t1),
	    lines);
	printf("peak memory:                %.1f MB = %.2f x corpus   "
	    "(target <= 2.00; %.2f x after loading)\n", bench_peak() / MB,
	    bench_peak() / size, peak_load / size);
	doc_free(&d);
	bench_phases(path);
out:
	if (path == tmpl && !keep)
		unlink(path);
	else if (path == tmpl)
		printf("corpus kept in %s\n", path);
	return 0;
}

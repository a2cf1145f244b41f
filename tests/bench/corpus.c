/*
 * corpus: the benchmarks' generated corpus and clock.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "slurp.h"
#include "xmalloc.h"

struct sample {
	char	*buf;
	size_t	 len;
};

/* Seconds on a monotonic clock. */
double
corpus_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Collect the *.txt pages of a directory. */
static void
corpus_collect(const char *dir, struct sample **s, size_t *n)
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
		(*s)[*n].buf = slurp(path, &(*s)[*n].len);
		if ((*s)[*n].buf != NULL)
			(*n)++;
		free(path);
	}
	closedir(d);
}

/* Write a varied copy of a sample page: digits rotated by k. */
static void
corpus_write_page(FILE *fp, const struct sample *s, unsigned k, char *tmp)
{
	size_t i;

	for (i = 0; i < s->len; i++) {
		char c = s->buf[i];

		if (c >= '0' && c <= '9')
			c = (char)('0' + (c - '0' + k) % 10);
		tmp[i] = c;
	}
	fwrite(tmp, 1, s->len, fp);
	fputc('\f', fp);
}

/* Write the corpus; see corpus.h. */
size_t
corpus_write(const char *path, size_t want, const char *prog)
{
	struct sample	*s = NULL;
	size_t		 n = 0, total = 0, i, maxlen = 0;
	unsigned	 k = 0;
	FILE		*fp;
	char		*tmp;

	corpus_collect("articles", &s, &n);
	corpus_collect("tests/data/pages", &s, &n);
	if (n == 0) {
		fprintf(stderr, "%s: no pages in articles/ (run from the top "
		    "of the source tree)\n", prog);
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
			corpus_write_page(fp, &s[i], k, tmp);
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

/* Write the corpus to a new temporary file; see corpus.h. */
void
corpus_temp(char *tmpl, size_t want, const char *prog)
{
	int fd;

	if ((fd = mkstemp(tmpl)) < 0) {
		fprintf(stderr, "%s: ", prog);
		perror("mkstemp");
		exit(2);
	}
	close(fd);
	corpus_write(tmpl, want, prog);
}

/* The entries scandir keeps: all but the hidden ones. */
static int
corpus_keep_dir(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

/* The page of an article file: its name up to the second '-'
   (YYYYMMDD-PP), its length; 0 when the name is not of that form. */
static size_t
corpus_page_key(const char *name)
{
	const char *a = strchr(name, '-'), *b;

	if (a == NULL || (b = strchr(a + 1, '-')) == NULL)
		return 0;
	return (size_t)(b - name);
}

size_t
corpus_write_real(const char *path, const char *dir, const char *prog,
    size_t *npages)
{
	struct dirent	**days = NULL, **arts;
	FILE		*fp;
	char		*sub, *file, *buf;
	size_t		 total = 0, len, key, lastkey = 0;
	char		 last[64] = "";
	int		 nd, na, i, j;

	*npages = 0;
	if ((fp = fopen(path, "wb")) == NULL) {
		fprintf(stderr, "%s: %s: cannot write\n", prog, path);
		exit(2);
	}
	nd = scandir(dir, &days, corpus_keep_dir, alphasort);
	for (i = 0; i < nd; i++) {
		sub = xasprintf("%s/%s", dir, days[i]->d_name);
		na = scandir(sub, &arts, corpus_keep_dir, alphasort);
		for (j = 0; j < na; j++) {
			len = strlen(arts[j]->d_name);
			key = corpus_page_key(arts[j]->d_name);
			if (len < 5 || strcmp(arts[j]->d_name + len - 4,
			    ".txt") != 0 || key == 0 || key >= sizeof last) {
				free(arts[j]);
				continue;
			}
			file = xasprintf("%s/%s", sub, arts[j]->d_name);
			if ((buf = slurp(file, &len)) != NULL) {
				if (key != lastkey || strncmp(last,
				    arts[j]->d_name, key) != 0) {
					if (*npages > 0)
						fputc('\f', fp);
					memcpy(last, arts[j]->d_name, key);
					lastkey = key;
					(*npages)++;
				}
				fwrite(buf, 1, len, fp);
				total += len;
				free(buf);
			}
			free(file);
			free(arts[j]);
		}
		if (na > 0)
			free(arts);
		free(sub);
		free(days[i]);
	}
	free(days);
	if (*npages > 0)
		fputc('\f', fp);
	if (fclose(fp) != 0 || total == 0) {
		fprintf(stderr, "%s: %s: no articles (YYYYMMDD-PP-NN.txt in "
		    "folders of days)\n", prog, dir);
		unlink(path);
		exit(2);
	}
	return total;
}

/** Search domain: text analysis (Hangul bigrams, NFD folding), documents, query terms, edit distance. */
package io.shopcore.search.domain;

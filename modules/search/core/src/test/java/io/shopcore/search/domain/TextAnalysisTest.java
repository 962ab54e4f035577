package io.shopcore.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.search.domain.SearchTerms.Lexeme;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    @Test
    void givenKoreanWord_lexemes_areOverlappingTwoSyllablePieces() {
        assertThat(TextAnalysis.lexemes(new TextAnalysis.Word("아이패드", true))).containsExactly("아이", "이패", "패드");
        assertThat(TextAnalysis.lexemes(new TextAnalysis.Word("책", true))).containsExactly("책");
        assertThat(TextAnalysis.lexemes(new TextAnalysis.Word("ipad", false))).containsExactly("ipad");
    }

    @Test
    void givenMixedText_words_splitAtScriptChangesAndSymbols() {
        assertThat(TextAnalysis.words(TextAnalysis.normalize("삼성 갤럭시S24, USB-C!")))
                .extracting(TextAnalysis.Word::text)
                .containsExactly("삼성", "갤럭시", "s24", "usb", "c");
    }

    @Test
    void givenHangul_fold_decomposesSyllablesIntoLetters() {
        assertThat(TextAnalysis.fold("아이패드")).hasSize(8);
        assertThat(TextAnalysis.fold("ＩＰａｄ")).isEqualTo("ipad");
    }

    @Test
    void givenProduct_document_weightsNameCategoryDescriptionWithGaps() {
        SearchDocument d =
                SearchDocument.of(new IndexedProduct(1, "아이패드 Pro", "태블릿", java.math.BigDecimal.ONE, "KRW", 2, "전자"));
        assertThat(d.postings())
                .extracting(SearchDocument.Posting::lexeme)
                .containsExactly("아이", "이패", "패드", "pro", "전자", "태블", "블릿");
        assertThat(d.postings()).extracting(SearchDocument.Posting::position).containsExactly(1, 2, 3, 4, 15, 26, 27);
        assertThat(d.postings())
                .extracting(SearchDocument.Posting::weight)
                .containsExactly(
                        SearchDocument.Weight.A,
                        SearchDocument.Weight.A,
                        SearchDocument.Weight.A,
                        SearchDocument.Weight.A,
                        SearchDocument.Weight.B,
                        SearchDocument.Weight.C,
                        SearchDocument.Weight.C);
        assertThat(d.terms()).containsExactly("pro", "아이패드", "전자");
    }

    @Test
    void givenQuery_terms_makeKoreanPhrasesAndEnglishPrefixes() {
        SearchTerms t = SearchTerms.parse("  아이패드   Pro  ");
        assertThat(t.terms()).hasSize(2);
        assertThat(t.terms().get(0).phrase())
                .containsExactly(new Lexeme("아이", false), new Lexeme("이패", false), new Lexeme("패드", false));
        assertThat(t.terms().get(1).phrase()).containsExactly(new Lexeme("pro", true));
        assertThat(t.terms().get(1).matchesSubstring()).isTrue();
        assertThat(SearchTerms.parse("11").terms().getFirst().matchesSubstring())
                .as("too short for trigrams")
                .isFalse();
    }

    @Test
    void givenSymbols_terms_areLiteralOnly() {
        SearchTerms.Term t = SearchTerms.parse("usb-c").terms().getFirst();
        assertThat(t.literal()).isTrue();
        assertThat(t.matchesLexemes()).isFalse();
        assertThat(t.matchesSubstring()).isTrue();
        assertThat(SearchTerms.parse("%").terms().getFirst().phrase()).isEmpty();
        assertThat(SearchTerms.parse("ipad ipad IPAD").terms()).hasSize(1);
    }

    @Test
    void givenOverlongWord_terms_fallBackToSubstring() {
        String word = "a".repeat(150);
        SearchTerms.Term t = SearchTerms.parse(word).terms().getFirst();
        assertThat(t.phrase()).isEmpty();
        assertThat(t.matchesSubstring()).isTrue();
        assertThat(SearchDocument.of(new IndexedProduct(1, word, null, java.math.BigDecimal.ONE, "KRW", 1, null))
                        .postings())
                .isEmpty();
    }

    @Test
    void givenWords_editDistance_countsTranspositionsAsOne() {
        assertThat(EditDistance.between("iphnoe", "iphone")).isEqualTo(1);
        assertThat(EditDistance.between(TextAnalysis.fold("아이페드"), TextAnalysis.fold("아이패드")))
                .isEqualTo(1);
        assertThat(EditDistance.between(TextAnalysis.fold("겔럭시"), TextAnalysis.fold("갤럭시")))
                .isEqualTo(1);
        assertThat(EditDistance.tolerance(2)).isZero();
        assertThat(List.of(EditDistance.tolerance(3), EditDistance.tolerance(5), EditDistance.tolerance(6)))
                .containsExactly(1, 1, 2);
    }
}

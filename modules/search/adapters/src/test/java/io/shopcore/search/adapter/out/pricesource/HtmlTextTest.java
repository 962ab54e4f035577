package io.shopcore.search.adapter.out.pricesource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void givenNaverTitles_toText_stripsHighlightsAndDecodesEntities() {
        assertThat(HtmlText.toText("Apple <b>아이폰 15</b> 128GB")).isEqualTo("Apple 아이폰 15 128GB");
        assertThat(HtmlText.toText("A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; &#x41;&nbsp;F"))
                .isEqualTo("A & B <C> \"D\" 'E' A F");
        assertThat(HtmlText.toText("<b></b>  공백   정리 ")).isEqualTo("공백 정리");
        assertThat(HtmlText.toText("&unknown; &#0; &#99999999;")).isEqualTo("&unknown; &#0; &#99999999;");
        assertThat(HtmlText.toText("&amp;lt;b&amp;gt;"))
                .as("decoded once, never twice")
                .isEqualTo("&lt;b&gt;");
        assertThat(HtmlText.toText(null)).isNull();
    }
}

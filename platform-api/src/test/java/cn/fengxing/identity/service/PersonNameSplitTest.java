package cn.fengxing.identity.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Full names written family name first, split as a spreadsheet of elders gives them. */
class PersonNameSplitTest {

    @Test
    void chineseNamesSplitAfterTheFamilyName() {
        assertThat(PersonName.split("王秀兰")).containsExactly("王", "秀兰");
        assertThat(PersonName.split("张 德明")).containsExactly("张", "德明");
        assertThat(PersonName.split(" 李娜 ")).containsExactly("李", "娜");
        // two-character family names 复姓
        assertThat(PersonName.split("欧阳明")).containsExactly("欧阳", "明");
        assertThat(PersonName.split("司马相如")).containsExactly("司马", "相如");
        // 欧阳 alone is a family name 欧 and given name 阳 (no given name would be left)
        assertThat(PersonName.split("欧阳")).containsExactly("欧", "阳");
        assertThat(PersonName.split("Li Na")).containsExactly("Li", "Na");
    }

    @Test
    void oneCharacterOrOneWordDoesNotSplit() {
        assertThat(PersonName.split("王")).isNull();
        assertThat(PersonName.split("Lina")).isNull();
        assertThat(PersonName.split("")).isNull();
        assertThat(PersonName.split(null)).isNull();
    }
}

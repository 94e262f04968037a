package cn.fengxing.rider;

import cn.fengxing.rider.service.PersonalData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking and the mainland ID number check (GB 11643, ISO 7064 MOD 11-2). */
class PersonalDataTest {

    @Test
    void masks() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskIdNumber("110105199003071239")).isEqualTo("110105********1239");
        assertThat(PersonalData.maskIdNumber(null)).isNull();
    }

    @Test
    void idNumbersNeedTheRightCheckCharacterAndAPlausibleDate() {
        assertThat(PersonalData.validIdNumber("110105199003071239")).isTrue();
        assertThat(PersonalData.validIdNumber("11010519491231002X")).isTrue();
        assertThat(PersonalData.validIdNumber(PersonalData.normaliseIdNumber(" 11010519491231002x "))).isTrue();
        assertThat(PersonalData.validIdNumber("110105199003071238")).isFalse(); // check character
        assertThat(PersonalData.validIdNumber("110105199013071234")).isFalse(); // month 13
        assertThat(PersonalData.validIdNumber("11010519900307123")).isFalse();  // 17 characters
        assertThat(PersonalData.validIdNumber("01010519900307123X")).isFalse();
    }
}

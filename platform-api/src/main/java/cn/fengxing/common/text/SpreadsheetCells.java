package cn.fengxing.common.text;

/**
 * Free text that comes from or may go into a spreadsheet cell (an imported roster; any CSV or XLSX the platform
 * writes). A cell that starts with {@code = + - @}, a tab or a carriage return runs as a formula when a spreadsheet
 * opens it, so such text is kept as text by a leading single quote (the OWASP CSV-injection rule). Imports store
 * text neutralised; every CSV or XLSX writer passes each text cell through {@link #neutralise} as well.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** The text, with a leading single quote if a spreadsheet would read it as a formula. */
    public static String neutralise(String text) {
        return text == null || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }

    /** A workbook's formula cell as the text it was written as ({@code =} and the expression), neutralised. */
    public static String formula(String expression) {
        return neutralise("=" + expression);
    }
}

package cn.fengxing.region.service;

import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Section;

import java.util.ArrayList;
import java.util.List;

/**
 * A source whose figures are its counters themselves, each a count where more is better (places open, passes
 * issued, visits): stocks first, then flows, in the order given.
 */
public abstract class CountFigureSource implements FigureSource {

    private final int order;
    private final Section section;
    private final String facts;
    private final List<String> stocks;
    private final List<String> flows;

    protected CountFigureSource(int order, Section section, String facts, List<String> stocks, List<String> flows) {
        this.order = order;
        this.section = section;
        this.facts = facts;
        this.stocks = stocks;
        this.flows = flows;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String facts() {
        return facts;
    }

    @Override
    public Kind kind(String counter) {
        return stocks.contains(counter) ? Kind.STOCK : Kind.FLOW;
    }

    @Override
    public boolean owns(String counter) {
        return stocks.contains(counter) || flows.contains(counter);
    }

    @Override
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        for (String counter : stocks) {
            all.add(Figure.count(counter, section, Direction.higher, counter));
        }
        for (String counter : flows) {
            all.add(Figure.count(counter, section, Direction.higher, counter));
        }
        return all;
    }
}

package dev.dbscim.core.filter;

/**
 * A visitor over {@link Filter} syntax trees, with one method per node type; see {@link Filter#accept(FilterVisitor)}.
 *
 * <pre>{@code
 * int comparisons = filter.accept(new FilterVisitor<Integer>() {
 *   public Integer visitComparison(Filter.Comparison f) { return 1; }
 *   public Integer visitPresent(Filter.Present f) { return 0; }
 *   public Integer visitAnd(Filter.And f) { return f.operands().stream().mapToInt(o -> o.accept(this)).sum(); }
 *   public Integer visitOr(Filter.Or f) { return f.operands().stream().mapToInt(o -> o.accept(this)).sum(); }
 *   public Integer visitNot(Filter.Not f) { return f.operand().accept(this); }
 *   public Integer visitValuePath(Filter.ValuePath f) { return f.filter().accept(this); }
 * });
 * }</pre>
 *
 * @param <R> the result type
 */
public interface FilterVisitor<R> {
  /**
   * Returns the result for an attribute comparison such as {@code userName eq "ada"}.
   *
   * @param filter the node
   * @return the result
   */
  R visitComparison(Filter.Comparison filter);

  /**
   * Returns the result for a presence test such as {@code title pr}.
   *
   * @param filter the node
   * @return the result
   */
  R visitPresent(Filter.Present filter);

  /**
   * Returns the result for a conjunction of two or more operands.
   *
   * @param filter the node
   * @return the result
   */
  R visitAnd(Filter.And filter);

  /**
   * Returns the result for a disjunction of two or more operands.
   *
   * @param filter the node
   * @return the result
   */
  R visitOr(Filter.Or filter);

  /**
   * Returns the result for a negation, {@code not (...)}.
   *
   * @param filter the node
   * @return the result
   */
  R visitNot(Filter.Not filter);

  /**
   * Returns the result for a value path such as {@code emails[type eq "work"]}.
   *
   * @param filter the node
   * @return the result
   */
  R visitValuePath(Filter.ValuePath filter);
}

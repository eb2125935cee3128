using System.Collections;
using System.Linq.Expressions;
using Nop.Core.Domain.Common;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// The GenericAttribute table of the in-memory store, with nopCommerce's index on (EntityId, KeyGroup): a query or a
/// DELETE whose predicate names both reads only that index entry's rows, as a database does; any other reads every
/// row. Rows are handed out as copies when the query runs. Not thread-safe: the store locks around every call, and
/// queries take the same lock while they read.
/// </summary>
public sealed class GenericAttributeTable
{
    private readonly Dictionary<(int EntityId, string KeyGroup), List<GenericAttribute>> _index = new();

    /// <summary>Gets how many rows queries have read so far (the rows of the index entries they used, or all rows)</summary>
    public long RowsRead { get; private set; }

    public IEnumerable<GenericAttribute> All => _index.Values.SelectMany(rows => rows);

    public void Add(GenericAttribute row)
    {
        var key = (row.EntityId, row.KeyGroup);
        if (!_index.TryGetValue(key, out var rows))
            _index[key] = rows = [];
        rows.Add(row);
    }

    public bool Remove(GenericAttribute row) =>
        _index.TryGetValue((row.EntityId, row.KeyGroup), out var rows) && rows.Remove(row);

    /// <summary>Replaces the stored row with the same id</summary>
    public void Replace(GenericAttribute row)
    {
        if (!_index.TryGetValue((row.EntityId, row.KeyGroup), out var rows))
            return;
        var at = rows.FindIndex(stored => stored.Id == row.Id);
        if (at >= 0)
            rows[at] = row;
    }

    /// <summary>A DELETE with the predicate: the number of rows removed</summary>
    public int RemoveAll(Expression<Func<GenericAttribute, bool>> predicate)
    {
        var matches = predicate.Compile();
        var removed = 0;
        foreach (var rows in Candidates(predicate))
            removed += rows.RemoveAll(row => matches(row));
        return removed;
    }

    /// <summary>The rows of the entity's key group</summary>
    public IReadOnlyList<GenericAttribute> Of(int entityId, string keyGroup) =>
        _index.TryGetValue((entityId, keyGroup), out var rows) ? rows : [];

    /// <summary>The table as nopCommerce's repository hands it out; <paramref name="read"/> gives the copies a query reads</summary>
    public IQueryable<GenericAttribute> AsQueryable(object sync, Func<IEnumerable<GenericAttribute>, IEnumerable<GenericAttribute>> read) =>
        new Query(new Provider(this, sync, read));

    private IEnumerable<List<GenericAttribute>> Candidates(LambdaExpression predicate)
    {
        var (entityId, keyGroup) = IndexKey(predicate);
        if (entityId is { } id && keyGroup is not null)
            return _index.TryGetValue((id, keyGroup), out var rows) ? [rows] : [];

        return _index.Values;
    }

    private IEnumerable<GenericAttribute> Read(LambdaExpression predicate)
    {
        var rows = (predicate is null ? _index.Values : Candidates(predicate)).SelectMany(bucket => bucket).ToList();
        RowsRead += rows.Count;
        return rows;
    }

    // the values the predicate's top-level conjunction compares EntityId and KeyGroup with
    private static (int? EntityId, string KeyGroup) IndexKey(LambdaExpression predicate)
    {
        int? entityId = null;
        string keyGroup = null;
        var pending = new Stack<Expression>([predicate.Body]);
        while (pending.TryPop(out var expression))
        {
            if (expression is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
            {
                pending.Push(and.Left);
                pending.Push(and.Right);
            }
            else if (expression is BinaryExpression { NodeType: ExpressionType.Equal } equal)
            {
                var (member, value) = equal.Left is MemberExpression { Expression: ParameterExpression } left
                    ? (left.Member.Name, equal.Right)
                    : equal.Right is MemberExpression { Expression: ParameterExpression } right ? (right.Member.Name, equal.Left) : (null, null);
                if (member == nameof(GenericAttribute.EntityId))
                    entityId = (int)Evaluate(value);
                else if (member == nameof(GenericAttribute.KeyGroup))
                    keyGroup = (string)Evaluate(value);
            }
        }
        return (entityId, keyGroup);
    }

    private static object Evaluate(Expression expression) =>
        Expression.Lambda<Func<object>>(Expression.Convert(expression, typeof(object))).Compile()();

    private sealed class Query : IOrderedQueryable<GenericAttribute>
    {
        private readonly Provider _provider;

        //the table itself
        public Query(Provider provider)
        {
            _provider = provider;
            Expression = Expression.Constant(this, typeof(IQueryable<GenericAttribute>));
        }

        public Query(Provider provider, Expression expression)
        {
            _provider = provider;
            Expression = expression;
        }

        public Type ElementType => typeof(GenericAttribute);

        public Expression Expression { get; }

        public IQueryProvider Provider => _provider;

        public IEnumerator<GenericAttribute> GetEnumerator() => _provider.Execute<IEnumerable<GenericAttribute>>(Expression).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // runs a query as LINQ to objects over the rows of the index entry its first predicate names
    private sealed class Provider(GenericAttributeTable table, object sync, Func<IEnumerable<GenericAttribute>, IEnumerable<GenericAttribute>> read)
        : IQueryProvider
    {
        public IQueryable CreateQuery(Expression expression) => CreateQuery<GenericAttribute>(expression);

        public IQueryable<TElement> CreateQuery<TElement>(Expression expression) =>
            typeof(TElement) == typeof(GenericAttribute)
                ? (IQueryable<TElement>)(object)new Query(this, expression)
                : throw new NotSupportedException("The plugin reads whole generic attribute rows.");

        public object Execute(Expression expression) => Execute<object>(expression);

        public TResult Execute<TResult>(Expression expression)
        {
            IQueryable<GenericAttribute> rows;
            lock (sync)
                rows = read(table.Read(FirstPredicate(expression))).ToList().AsQueryable();
            var rewritten = new RootReplacer(rows.Expression).Visit(expression);

            return rows.Provider.Execute<TResult>(rewritten);
        }

        // the predicate of the call made on the table itself (Where, FirstOrDefault, Any…), if it has one
        private static LambdaExpression FirstPredicate(Expression expression)
        {
            while (expression is MethodCallExpression call)
            {
                if (call.Arguments[0] is ConstantExpression { Value: Query })
                    return call.Arguments.Count > 1 && call.Arguments[1] is UnaryExpression { Operand: LambdaExpression lambda } ? lambda : null;
                expression = call.Arguments[0];
            }
            return null;
        }
    }

    private sealed class RootReplacer(Expression rows) : ExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node) => node.Value is Query ? rows : node;
    }
}

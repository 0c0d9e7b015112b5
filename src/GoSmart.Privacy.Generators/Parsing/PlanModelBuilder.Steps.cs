using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>The steps of a node: a scalar leaf, or a nested object or collection with its own node.</summary>
internal sealed partial class PlanModelBuilder
{
    private StepModel Leaf(ISymbol symbol, TaggedMember tagged, string prefix)
    {
        var index = _members.Count;
        var memberType = MemberReader.TypeOf(symbol);
        var shape = SymbolShapes.Classify(memberType, out var valueType, out _);
        SymbolShapes.TryGetElement(memberType, out _, out var isDictionary);
        var field = MemberReader.ReadTag(symbol).Field;
        var exportName = ExportNames.For(symbol.Name, NamedString(field, "ExportName"));
        var isSubjectId = tagged.Tag == TagKind.SubjectId;
        int? special = tagged.Tag == TagKind.Sensitive && field is { ConstructorArguments.Length: 1 } && field.ConstructorArguments[0].Value is int s ? s : null;
        _members.Add(new MemberModel(
            prefix + symbol.Name,
            exportName,
            tagged.Category!,
            special,
            isSubjectId,
            tagged.Erasure,
            tagged.Exemption,
            Name(memberType),
            shape == MemberShape.Scalar ? tagged.IsWritable : tagged.IsWritable || tagged.IsCollectionWritable,
            tagged.VisibleCharacters,
            tagged.BucketSize,
            tagged.IsFreeText));

        var scalar = shape == MemberShape.Scalar;
        var writes = !isSubjectId && tagged.Erasure != ErasureStrategy.Retain;
        var access = Access(symbol, needSet: writes && (scalar || tagged.Erasure == ErasureStrategy.Erase));
        var underlying = SymbolShapes.Underlying(valueType);
        var container = scalar ? Container.Single : memberType is IArrayTypeSymbol ? Container.Array : isDictionary ? Container.Dictionary : Container.Collection;
        var canHoldArray = !scalar && CanHoldArrayOf(memberType, valueType);
        return new StepModel(
            scalar ? StepKind.Scalar : StepKind.ScalarCollection,
            NameIndex(exportName),
            access,
            Name(memberType),
            CanBeNull(memberType),
            Name(valueType),
            Name(underlying),
            !SymbolEqualityComparer.Default.Equals(underlying, valueType),
            CanBeNull(valueType),
            SymbolShapes.KindOf(valueType),
            tagged.Erasure,
            tagged.VisibleCharacters,
            tagged.BucketSize,
            EraseToEmpty(symbol, memberType),
            index,
            isSubjectId,
            container,
            !scalar && DirectForeach(memberType, valueType, container),
            canHoldArray && access.Set != SetMode.None,
            -1,
            false,
            tagged.IsFreeText);
    }

    private StepModel Nested(ISymbol symbol, TaggedMember tagged, string prefix)
    {
        var memberType = MemberReader.TypeOf(symbol);
        SymbolShapes.TryGetElement(memberType, out var element, out var isDictionary);
        SymbolShapes.Classify(memberType, out var child, out _);
        var single = tagged.Shape == MemberShape.Nested;
        var declared = single ? memberType : element; // child, or a nullable of child
        var nullable = !SymbolEqualityComparer.Default.Equals(declared, child);
        var container = single ? Container.Single : memberType is IArrayTypeSymbol ? Container.Array : isDictionary ? Container.Dictionary : Container.Collection;
        var separator = single ? "." : container == Container.Dictionary ? "{}." : "[].";
        int childId;
        if (_ancestors.TryGetValue(child, out var ancestor))
        {
            _recursive = true;
            childId = ancestor;
        }
        else
        {
            childId = BuildNode(child, prefix + symbol.Name + separator);
            if (child is INamedTypeSymbol named && !Reached.Contains(named, SymbolEqualityComparer.Default))
            {
                Reached.Add(named);
            }
        }

        var access = Access(symbol, needSet: single && child.IsValueType);
        return new StepModel(
            single ? StepKind.Nested : StepKind.NestedCollection,
            NameIndex(ExportNames.CamelCase(symbol.Name)),
            access,
            Name(memberType),
            CanBeNull(memberType),
            Name(declared),
            Name(child),
            nullable,
            CanBeNull(declared),
            ValueKind.Unsupported,
            ErasureStrategy.Erase,
            0,
            0,
            false,
            -1,
            false,
            container,
            !single && DirectForeach(memberType, declared, container),
            false,
            childId,
            child.IsValueType);
    }
}

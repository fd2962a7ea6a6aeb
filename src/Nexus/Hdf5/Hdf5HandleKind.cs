namespace Hyperion.Nexus.Hdf5;

/// <summary>What an HDF5 identifier names, which decides the call that closes it.</summary>
internal enum Hdf5HandleKind
{
    /// <summary>A file (H5Fclose).</summary>
    File,

    /// <summary>A group (H5Gclose).</summary>
    Group,

    /// <summary>A dataset (H5Dclose).</summary>
    Dataset,

    /// <summary>A dataspace (H5Sclose).</summary>
    Dataspace,

    /// <summary>A datatype (H5Tclose).</summary>
    Datatype,

    /// <summary>A property list (H5Pclose).</summary>
    PropertyList,

    /// <summary>An attribute (H5Aclose).</summary>
    Attribute,
}
